"""evalengine: scores and lints project performance self-assessments (项目支出绩效自评)."""

__version__ = "0.1.0"
__all__ = ["__version__"]
