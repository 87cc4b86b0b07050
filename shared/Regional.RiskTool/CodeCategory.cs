namespace Regional.RiskTool;

/// <summary>The four lists a definition holds; also the JSON field that names them in an assessment.</summary>
public enum CodeCategory
{
    Indicator,
    VulnerabilityFactor,
    Model,
    ExploitationType,
}

public static class CodeCategories
{
    public static IReadOnlyList<CodeCategory> All { get; } =
        [CodeCategory.Indicator, CodeCategory.VulnerabilityFactor, CodeCategory.Model, CodeCategory.ExploitationType];

    /// <summary>The assessment's JSON field for the category, as used in error paths.</summary>
    public static string FieldName(this CodeCategory category) => category switch
    {
        CodeCategory.Indicator => "indicators",
        CodeCategory.VulnerabilityFactor => "vulnerabilityFactors",
        CodeCategory.Model => "models",
        CodeCategory.ExploitationType => "exploitationTypes",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
