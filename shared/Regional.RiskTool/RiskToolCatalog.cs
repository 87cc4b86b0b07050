using System.Diagnostics.CodeAnalysis;

namespace Regional.RiskTool;

/// <summary>
/// Every published version of the tool and the mappings between them, checked on load. The
/// single entry point for validating, scoring and mapping assessments, so that none of them
/// can be done against a definition that was not checked.
/// </summary>
public sealed class RiskToolCatalog
{
    private static readonly Lazy<RiskToolCatalog> EmbeddedCatalog = new(EmbeddedDefinitions.Load);

    private readonly Dictionary<string, RiskToolDefinition> _definitions;

    private RiskToolCatalog(IReadOnlyList<RiskToolDefinition> definitions, IReadOnlyList<VersionMapping> mappings)
    {
        Definitions = definitions.OrderBy(d => d.Published).ThenBy(d => d.Version, StringComparer.Ordinal).ToList();
        Versions = Definitions.Select(d => d.Version).ToList();
        Mappings = mappings;
        _definitions = definitions.ToDictionary(d => d.Version, StringComparer.Ordinal);
    }

    /// <summary>The versions shipped in this assembly (<c>Definitions/*.json</c>).</summary>
    public static RiskToolCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>Version ids, oldest first.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>Definitions, oldest first.</summary>
    public IReadOnlyList<RiskToolDefinition> Definitions { get; }

    public IReadOnlyList<VersionMapping> Mappings { get; }

    public RiskToolDefinition Latest => Definitions[^1];

    /// <summary>Parses and checks definitions and mappings; throws <see cref="RiskToolDefinitionException"/> listing every problem.</summary>
    public static RiskToolCatalog Load(IEnumerable<RiskToolSource> definitions, IEnumerable<RiskToolSource> mappings)
    {
        var problems = new List<string>();
        var loaded = new List<RiskToolDefinition>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in definitions)
        {
            if (DefinitionReader.ReadDefinition(source, problems) is not { } document)
            {
                continue;
            }

            var found = DefinitionChecks.Check(document).ToList();
            CheckFileName(found, source, document.Version);
            problems.AddRange(found);
            if (found.Count == 0)
            {
                loaded.Add(document.ToDefinition());
            }
            else
            {
                broken.Add(document.Version);
            }
        }

        foreach (var duplicate in loaded.GroupBy(d => d.Version).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Key}: the version is defined more than once.");
        }

        if (loaded.Count == 0 && problems.Count == 0)
        {
            problems.Add("there are no definitions.");
        }

        var byVersion = loaded.GroupBy(d => d.Version).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var maps = new List<VersionMapping>();
        foreach (var source in mappings)
        {
            if (DefinitionReader.ReadMapping(source, problems) is not { } mapping)
            {
                continue;
            }

            // A mapping to a definition that did not load is checked once the definition is fixed;
            // reporting it now would only repeat the definition's own problems.
            if (broken.Contains(mapping.From) || broken.Contains(mapping.To))
            {
                continue;
            }

            problems.AddRange(MappingChecks.Check(mapping, byVersion));
            CheckFileName(problems, source, $"{mapping.From}-to-{mapping.To}");
            maps.Add(mapping);
        }

        foreach (var duplicate in maps.GroupBy(m => (m.From, m.To)).Where(g => g.Count() > 1))
        {
            problems.Add($"mapping {duplicate.Key.From} -> {duplicate.Key.To}: it is defined more than once.");
        }

        return problems.Count > 0 ? throw new RiskToolDefinitionException(problems) : new RiskToolCatalog(loaded, maps);
    }

    public RiskToolDefinition Get(string version) =>
        TryGet(version, out var definition)
            ? definition
            : throw new KeyNotFoundException($"'{version}' is not a known risk tool version; known versions are {string.Join(", ", Versions)}.");

    public bool TryGet(string? version, [NotNullWhen(true)] out RiskToolDefinition? definition)
    {
        definition = null;
        return version is not null && _definitions.TryGetValue(version, out definition);
    }

    public bool Contains(string? version) => TryGet(version, out _);

    /// <summary>Every problem with the assessment, keyed by JSON path; empty when it is valid.</summary>
    public IReadOnlyList<ValidationError> Validate(RiskAssessment assessment) =>
        TryGet(assessment.ToolVersion, out var definition)
            ? AssessmentValidator.Validate(definition, assessment)
            : [AssessmentValidator.UnknownVersion(assessment.ToolVersion, Versions)];

    /// <summary>Derives the level by the version's rules and applies any override; refuses an invalid assessment.</summary>
    public ScoredAssessment Score(RiskAssessment assessment)
    {
        ThrowIfInvalid(assessment);
        return RiskScorer.Score(Get(assessment.ToolVersion), assessment);
    }

    /// <summary>
    /// Carries the assessment to <paramref name="toVersion"/>, through intermediate versions when
    /// there is no direct mapping. Mappings only go forward.
    /// </summary>
    public MappedAssessment Map(RiskAssessment assessment, string toVersion)
    {
        ThrowIfInvalid(assessment);
        if (!Contains(toVersion))
        {
            throw new RiskToolMappingException(
                $"Cannot map to '{toVersion}': it is not a known risk tool version; known versions are {string.Join(", ", Versions)}.");
        }

        var route = Route(assessment.ToolVersion, toVersion) ?? throw new RiskToolMappingException(
            $"Cannot map from {assessment.ToolVersion} to {toVersion}: no chain of mappings leads there. "
            + $"Mappings go forward only; the catalog has {(Mappings.Count == 0 ? "none" : string.Join(", ", Mappings))}.");

        var current = assessment;
        var notes = new List<MappingNote>();
        foreach (var step in route)
        {
            var (mapped, stepNotes) = new VersionMapper(step, Get(step.From), Get(step.To)).Map(current);
            current = mapped;
            notes.AddRange(stepNotes);
        }

        return new MappedAssessment(current, notes, [assessment.ToolVersion, .. route.Select(s => s.To)]);
    }

    private void ThrowIfInvalid(RiskAssessment assessment)
    {
        var errors = Validate(assessment);
        if (errors.Count > 0)
        {
            throw new InvalidAssessmentException(errors);
        }
    }

    /// <summary>Shortest chain of mappings, so a direct mapping is preferred to a detour.</summary>
    private List<VersionMapping>? Route(string from, string to)
    {
        var cameBy = new Dictionary<string, VersionMapping?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var version))
        {
            if (version == to)
            {
                var route = new List<VersionMapping>();
                for (var step = cameBy[to]; step is not null; step = cameBy[step.From])
                {
                    route.Insert(0, step);
                }

                return route;
            }

            foreach (var mapping in Mappings.Where(m => m.From == version && !cameBy.ContainsKey(m.To)))
            {
                cameBy[mapping.To] = mapping;
                queue.Enqueue(mapping.To);
            }
        }

        return null;
    }

    private static void CheckFileName(List<string> problems, RiskToolSource source, string expected)
    {
        const string extension = ".json";
        if (source.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            && Path.GetFileName(source.Name)[..^extension.Length] != expected)
        {
            problems.Add($"{source.Name}: the file should be named '{expected}{extension}' after what it defines.");
        }
    }
}
