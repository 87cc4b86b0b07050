namespace Regional.RiskTool;

/// <summary>
/// A mapping must account for every code on both sides: an old code nobody mapped would
/// vanish from children's assessments without anyone deciding it should.
/// </summary>
internal static class MappingChecks
{
    public static IEnumerable<string> Check(VersionMapping mapping, IReadOnlyDictionary<string, RiskToolDefinition> definitions)
    {
        var name = $"mapping {mapping.From} -> {mapping.To}";
        var problems = new List<string>();
        definitions.TryGetValue(mapping.From, out var from);
        definitions.TryGetValue(mapping.To, out var to);
        if (from is null)
        {
            problems.Add($"it maps from '{mapping.From}', which is not a loaded version.");
        }

        if (to is null)
        {
            problems.Add($"it maps to '{mapping.To}', which is not a loaded version.");
        }

        if (from is not null && to is not null)
        {
            if (from == to)
            {
                problems.Add("it maps a version to itself.");
            }
            else if (to.Published <= from.Published)
            {
                problems.Add($"it maps backwards: {to.Version} was published {to.Published:yyyy-MM-dd}, not after {from.Version} ({from.Published:yyyy-MM-dd}).");
            }

            foreach (var category in CodeCategories.All)
            {
                CheckCategory(problems, category, mapping.For(category), from, to);
            }
        }

        return problems.Select(p => $"{name}: {p}");
    }

    private static void CheckCategory(List<string> problems, CodeCategory category, CodeMapping codes, RiskToolDefinition from, RiskToolDefinition to)
    {
        var field = category.FieldName();
        var entries = codes.Map.OfType<CodeMapEntry>().ToList();
        var added = codes.New.OfType<NewCode>().ToList();

        foreach (var group in entries.GroupBy(e => e.From).Where(g => g.Count() > 1))
        {
            problems.Add($"{field}: '{group.Key}' is mapped more than once.");
        }

        foreach (var entry in entries)
        {
            if (!from.HasCode(category, entry.From))
            {
                problems.Add($"{field}: '{entry.From}' is not a code of {from.Version}.");
            }

            foreach (var target in entry.To.Where(t => !to.HasCode(category, t)))
            {
                problems.Add($"{field}: '{entry.From}' maps to '{target}', which is not a code of {to.Version}.");
            }

            foreach (var target in entry.To.GroupBy(t => t).Where(g => g.Count() > 1))
            {
                problems.Add($"{field}: '{entry.From}' names '{target.Key}' more than once.");
            }
        }

        var mappedFrom = entries.Select(e => e.From).ToHashSet(StringComparer.Ordinal);
        foreach (var code in from.Codes(category).Where(c => !mappedFrom.Contains(c)))
        {
            problems.Add($"{field}: {from.Version}'s '{code}' is not mapped; map it to what it becomes, or to [] to drop it.");
        }

        foreach (var group in added.GroupBy(n => n.Code).Where(g => g.Count() > 1))
        {
            problems.Add($"{field}: '{group.Key}' is listed as new more than once.");
        }

        var targets = entries.SelectMany(e => e.To).ToHashSet(StringComparer.Ordinal);
        foreach (var code in added.Select(n => n.Code))
        {
            if (!to.HasCode(category, code))
            {
                problems.Add($"{field}: new code '{code}' is not a code of {to.Version}.");
            }
            else if (targets.Contains(code))
            {
                problems.Add($"{field}: '{code}' is listed as new but is also mapped to from {from.Version}.");
            }
        }

        var newCodes = added.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in to.Codes(category).Where(c => !targets.Contains(c) && !newCodes.Contains(c)))
        {
            problems.Add($"{field}: {to.Version}'s '{code}' has no source; map something to it, or list it as new.");
        }
    }
}
