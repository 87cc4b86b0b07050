namespace Regional.RiskTool;

/// <summary>
/// How an assessment made with one version is carried into the next. Every code of the old
/// version appears once as a <see cref="CodeMapEntry.From"/>; every code of the new version is
/// either a target or listed as new, so nothing moves between versions by accident.
/// </summary>
public sealed record VersionMapping(
    string From,
    string To,
    CodeMapping Indicators,
    CodeMapping VulnerabilityFactors,
    CodeMapping Models,
    CodeMapping ExploitationTypes)
{
    public CodeMapping For(CodeCategory category) => category switch
    {
        CodeCategory.Indicator => Indicators,
        CodeCategory.VulnerabilityFactor => VulnerabilityFactors,
        CodeCategory.Model => Models,
        CodeCategory.ExploitationType => ExploitationTypes,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public override string ToString() => $"{From} -> {To}";
}

public sealed record CodeMapping(IReadOnlyList<CodeMapEntry> Map, IReadOnlyList<NewCode> New)
{
    public IEnumerable<CodeMapEntry> SourcesOf(string newCode) => Map.Where(e => e.To.Contains(newCode));

    public CodeMapEntry? EntryFor(string oldCode) => Map.FirstOrDefault(e => e.From == oldCode);
}

/// <summary>
/// An old code and what it becomes: no target is a drop, one is kept or renamed, several is a
/// split; a target named by several entries is a merge.
/// </summary>
public sealed record CodeMapEntry(string From, IReadOnlyList<string> To, string? Note = null);

/// <summary>A code of the new version with no source: it starts unrated or unticked.</summary>
public sealed record NewCode(string Code, string? Note = null);
