using System.Collections.Frozen;

namespace Regional.RiskTool;

/// <summary>
/// One published version of the regional tool. Only <see cref="RiskToolCatalog"/> builds these,
/// after checking the definition, so that everything downstream can trust the codes it holds.
/// </summary>
public sealed class RiskToolDefinition
{
    private readonly FrozenDictionary<string, Indicator> _indicators;
    private readonly FrozenSet<string> _factors;
    private readonly FrozenSet<string> _models;
    private readonly FrozenSet<string> _types;

    internal RiskToolDefinition(
        string version,
        string title,
        DateOnly published,
        string description,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<CodedItem> vulnerabilityFactors,
        IReadOnlyList<CodedItem> models,
        IReadOnlyList<CodedItem> exploitationTypes,
        ScoringRules scoring)
    {
        Version = version;
        Title = title;
        Published = published;
        Description = description;
        Indicators = indicators;
        VulnerabilityFactors = vulnerabilityFactors;
        Models = models;
        ExploitationTypes = exploitationTypes;
        Scoring = scoring;
        _indicators = indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        _factors = vulnerabilityFactors.Select(f => f.Code).ToFrozenSet(StringComparer.Ordinal);
        _models = models.Select(m => m.Code).ToFrozenSet(StringComparer.Ordinal);
        _types = exploitationTypes.Select(t => t.Code).ToFrozenSet(StringComparer.Ordinal);
    }

    public string Version { get; }
    public string Title { get; }
    public DateOnly Published { get; }
    public string Description { get; }
    public IReadOnlyList<Indicator> Indicators { get; }
    public IReadOnlyList<CodedItem> VulnerabilityFactors { get; }
    public IReadOnlyList<CodedItem> Models { get; }
    public IReadOnlyList<CodedItem> ExploitationTypes { get; }
    public ScoringRules Scoring { get; }

    public Indicator? FindIndicator(string code) => _indicators.GetValueOrDefault(code);

    public bool HasIndicator(string code) => _indicators.ContainsKey(code);

    public bool HasCode(CodeCategory category, string code) => category switch
    {
        CodeCategory.Indicator => _indicators.ContainsKey(code),
        CodeCategory.VulnerabilityFactor => _factors.Contains(code),
        CodeCategory.Model => _models.Contains(code),
        CodeCategory.ExploitationType => _types.Contains(code),
        _ => false,
    };

    public IEnumerable<string> Codes(CodeCategory category) => category switch
    {
        CodeCategory.Indicator => Indicators.Select(i => i.Code),
        CodeCategory.VulnerabilityFactor => VulnerabilityFactors.Select(f => f.Code),
        CodeCategory.Model => Models.Select(m => m.Code),
        CodeCategory.ExploitationType => ExploitationTypes.Select(t => t.Code),
        _ => [],
    };

    public string NameOf(CodeCategory category, string code) => category switch
    {
        CodeCategory.Indicator => FindIndicator(code)?.Name,
        CodeCategory.VulnerabilityFactor => VulnerabilityFactors.FirstOrDefault(f => f.Code == code)?.Name,
        CodeCategory.Model => Models.FirstOrDefault(m => m.Code == code)?.Name,
        CodeCategory.ExploitationType => ExploitationTypes.FirstOrDefault(t => t.Code == code)?.Name,
        _ => null,
    } ?? code;

    public override string ToString() => $"{Version} ({Title})";
}
