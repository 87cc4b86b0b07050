namespace Regional.RiskTool;

/// <summary>How strongly one indicator is present, as the matrix columns of the toolkit.</summary>
public enum Rating
{
    None,
    Low,
    Medium,
    High,
}
