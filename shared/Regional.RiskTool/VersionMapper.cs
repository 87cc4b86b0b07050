namespace Regional.RiskTool;

/// <summary>
/// Carries a valid assessment across one mapping. Ratings are never invented: a split copies
/// the old rating to each part, a merge keeps the highest, and a new indicator stays unrated.
/// Everything a practitioner must look at becomes a note.
/// </summary>
internal sealed class VersionMapper(VersionMapping mapping, RiskToolDefinition from, RiskToolDefinition to)
{
    private readonly List<MappingNote> _notes = [];

    public (RiskAssessment Assessment, IReadOnlyList<MappingNote> Notes) Map(RiskAssessment assessment)
    {
        var mapped = new RiskAssessment
        {
            ToolVersion = to.Version,
            Indicators = MapIndicators(assessment.Indicators),
            VulnerabilityFactors = MapTicked(CodeCategory.VulnerabilityFactor, assessment.VulnerabilityFactors),
            Models = MapTicked(CodeCategory.Model, assessment.Models),
            ExploitationTypes = MapTicked(CodeCategory.ExploitationType, assessment.ExploitationTypes),
        };
        return (mapped with { Override = MapOverride(assessment.Override, mapped) }, _notes);
    }

    private List<IndicatorRating> MapIndicators(IReadOnlyList<IndicatorRating> ratings)
    {
        var codes = mapping.Indicators;
        var old = ratings.ToDictionary(r => r.Code, StringComparer.Ordinal);

        foreach (var rating in from.Indicators.Where(i => old.ContainsKey(i.Code)).Select(i => old[i.Code]))
        {
            var entry = codes.EntryFor(rating.Code)!;
            var was = $"{Label(from, CodeCategory.Indicator, rating.Code)} was rated {rating.Rating}";
            switch (entry.To.Count)
            {
                case 0:
                    Note(CodeCategory.Indicator, MappingChange.Dropped, [rating.Code], [],
                        $"{was}{Quote(rating.Evidence)}; {to.Version} has no such indicator.{Extra(entry)}",
                        needsReview: rating.Rating > Rating.None);
                    break;
                case > 1:
                    Note(CodeCategory.Indicator, MappingChange.Split, [rating.Code], entry.To,
                        $"{was}; {to.Version} splits it into {Labels(to, CodeCategory.Indicator, entry.To)}. "
                        + $"The rating and evidence were copied to each: review each against its descriptors.{Extra(entry)}",
                        needsReview: true);
                    break;
                default:
                    NoteSingleTarget(rating, entry, was);
                    break;
            }
        }

        var result = new List<IndicatorRating>();
        foreach (var indicator in to.Indicators)
        {
            var sources = codes.SourcesOf(indicator.Code).Where(e => old.ContainsKey(e.From)).Select(e => old[e.From]).ToList();
            if (sources.Count > 0)
            {
                result.Add(Combine(indicator.Code, sources));
            }
        }

        NoteMerges(CodeCategory.Indicator, old.ContainsKey, "rated", needsReview: true,
            "the highest rating was kept and the evidence of each joined: review the rating against its descriptors");
        NoteNew(CodeCategory.Indicator, " and has no rating: rate it");
        return result;
    }

    private void NoteSingleTarget(IndicatorRating rating, CodeMapEntry entry, string was)
    {
        var target = entry.To[0];
        if (mapping.Indicators.SourcesOf(target).Count() > 1)
        {
            return; // noted once per merged target
        }

        if (target != rating.Code)
        {
            Note(CodeCategory.Indicator, MappingChange.Renamed, [rating.Code], [target],
                $"{was}; in {to.Version} it is {Label(to, CodeCategory.Indicator, target)}, with the same rating and evidence.{Extra(entry)}",
                needsReview: false);
        }
        else if (entry.Note is not null)
        {
            Note(CodeCategory.Indicator, MappingChange.Kept, [rating.Code], [target], $"{was}.{Extra(entry)}", needsReview: false);
        }
    }

    private IndicatorRating Combine(string code, List<IndicatorRating> sources)
    {
        if (sources.Count == 1)
        {
            return sources[0] with { Code = code };
        }

        var highest = sources.Max(s => s.Rating);
        var evidence = string.Join("\n", sources.Select(s =>
            $"{from.NameOf(CodeCategory.Indicator, s.Code)} ({s.Rating}){(string.IsNullOrWhiteSpace(s.Evidence) ? "" : ": " + s.Evidence.Trim())}"));
        return new IndicatorRating(code, highest, evidence);
    }

    private List<string> MapTicked(CodeCategory category, IReadOnlyList<string> ticked)
    {
        var codes = mapping.For(category);
        var selected = ticked.ToHashSet(StringComparer.Ordinal);
        foreach (var code in from.Codes(category).Where(selected.Contains))
        {
            var entry = codes.EntryFor(code)!;
            var was = $"{Label(from, category, code)} was recorded";
            if (entry.To.Count == 0)
            {
                Note(category, MappingChange.Dropped, [code], [], $"{was}; {to.Version} has no equivalent.{Extra(entry)}", needsReview: true);
            }
            else if (entry.To.Count > 1)
            {
                Note(category, MappingChange.Split, [code], entry.To,
                    $"{was}; {to.Version} splits it into {Labels(to, category, entry.To)}, all now recorded: remove any that do not apply.{Extra(entry)}",
                    needsReview: true);
            }
            else if (entry.To[0] != code && codes.SourcesOf(entry.To[0]).Count() == 1)
            {
                Note(category, MappingChange.Renamed, [code], entry.To,
                    $"{was}; in {to.Version} it is {Label(to, category, entry.To[0])}.{Extra(entry)}", needsReview: false);
            }
        }

        NoteMerges(category, selected.Contains, "recorded", needsReview: false, "it is recorded once");
        NoteNew(category, ": consider whether it applies");
        return to.Codes(category)
            .Where(c => codes.SourcesOf(c).Any(e => selected.Contains(e.From)))
            .ToList();
    }

    private void NoteMerges(CodeCategory category, Func<string, bool> present, string verb, bool needsReview, string consequence)
    {
        var codes = mapping.For(category);
        foreach (var target in to.Codes(category))
        {
            var sources = codes.SourcesOf(target).Select(e => e.From).ToList();
            var recorded = sources.Where(present).ToList();
            if (sources.Count > 1 && recorded.Count > 0)
            {
                var which = recorded.Count == sources.Count ? "all were"
                    : $"{Labels(from, category, recorded)} {(recorded.Count == 1 ? "was" : "were")}";
                Note(category, MappingChange.Merged, recorded, [target],
                    $"{Labels(from, category, sources)} are merged into {Label(to, category, target)} in {to.Version}; "
                    + $"{which} {verb}: {consequence}.",
                    needsReview);
            }
        }
    }

    private void NoteNew(CodeCategory category, string action)
    {
        foreach (var added in mapping.For(category).New)
        {
            var note = added.Note is null ? "" : " " + added.Note;
            Note(category, MappingChange.Added, [], [added.Code],
                $"{Label(to, category, added.Code)} is new in {to.Version}{action}.{note}", needsReview: true);
        }
    }

    private ProfessionalOverride? MapOverride(ProfessionalOverride? previous, RiskAssessment mapped)
    {
        if (previous is null)
        {
            return null;
        }

        var derived = RiskScorer.Derive(to, mapped.Indicators)[0].Level;
        if (derived == previous.Level)
        {
            Note(null, MappingChange.OverrideRemoved, [], [],
                $"The override to {previous.Level} by {previous.By} is no longer needed: {to.Version} derives {derived} from the mapped indicators.",
                needsReview: false);
            return null;
        }

        Note(null, MappingChange.OverrideCarried, [], [],
            $"The override to {previous.Level} by {previous.By} was made against {from.Version}, where the indicators gave a different level; "
            + $"{to.Version} derives {RiskScorer.Describe(derived)}. Confirm the override still applies.",
            needsReview: true);
        return previous;
    }

    private void Note(CodeCategory? category, MappingChange change, IReadOnlyList<string> old, IReadOnlyList<string> @new, string message, bool needsReview) =>
        _notes.Add(new MappingNote(from.Version, to.Version, category, change, old, @new, message, needsReview));

    private static string Label(RiskToolDefinition definition, CodeCategory category, string code) =>
        $"'{definition.NameOf(category, code)}' ({code})";

    private static string Labels(RiskToolDefinition definition, CodeCategory category, IEnumerable<string> codes) =>
        string.Join(" and ", codes.Select(c => Label(definition, category, c)));

    private static string Extra(CodeMapEntry entry) => entry.Note is null ? "" : " " + entry.Note;

    private static string Quote(string? evidence) => string.IsNullOrWhiteSpace(evidence) ? "" : $" (evidence: \"{evidence.Trim()}\")";
}
