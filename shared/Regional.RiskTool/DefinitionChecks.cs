using System.Text.RegularExpressions;

namespace Regional.RiskTool;

/// <summary>What a definition must satisfy before any child is assessed with it.</summary>
internal static partial class DefinitionChecks
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex CodePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\.[0-9]+$")]
    private static partial Regex VersionPattern();

    public static IEnumerable<string> Check(DefinitionDocument d)
    {
        var problems = new List<string>();
        if (!VersionPattern().IsMatch(d.Version))
        {
            problems.Add($"the version '{d.Version}' must be a lower-case name and an edition number, like 'em-cre-2021.1'.");
        }

        Require(problems, d.Title, "a title");
        Require(problems, d.Description, "a description");
        if (d.Indicators.Count == 0)
        {
            problems.Add("it has no indicators.");
        }

        if (d.ExploitationTypes.Count == 0)
        {
            problems.Add("it has no exploitation types.");
        }

        CheckCodes(problems, "indicator", d.Indicators.Select(i => i?.Code));
        foreach (var indicator in d.Indicators.OfType<Indicator>())
        {
            Require(problems, indicator.Name, $"a name for indicator '{indicator.Code}'");
            foreach (var (column, text) in new[] { ("low", indicator.Descriptors?.Low), ("medium", indicator.Descriptors?.Medium), ("high", indicator.Descriptors?.High) })
            {
                Require(problems, text, $"a {column} descriptor for indicator '{indicator.Code}'");
            }
        }

        CheckItems(problems, "vulnerability factor", d.VulnerabilityFactors);
        CheckItems(problems, "model", d.Models);
        CheckItems(problems, "exploitation type", d.ExploitationTypes);
        CheckScoring(problems, d);
        return problems.Select(p => $"{d.Version}: {p}");
    }

    private static void CheckScoring(List<string> problems, DefinitionDocument d)
    {
        var indicators = d.Indicators.OfType<Indicator>().Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var rules = d.Scoring.Rules.OfType<ScoringRule>().ToList();
        CheckCodes(problems, "scoring rule", rules.Select(r => r.Id).Append(d.Scoring.Otherwise.Id));

        foreach (var rule in rules)
        {
            var name = $"scoring rule '{rule.Id}'";
            if (rule.Level == RiskLevel.NotYetAssessed)
            {
                problems.Add($"{name} must give Low, Medium or High, not NotYetAssessed.");
            }

            if (rule.Rating == Rating.None)
            {
                problems.Add($"{name} must count ratings of Low or above; every rated indicator is at least None.");
            }

            if (rule.AtLeast < 1)
            {
                problems.Add($"{name} must need at least 1 indicator, not {rule.AtLeast}.");
            }

            Require(problems, rule.Description, $"a description for {name}, which practitioners see as the reason for a level");

            var scope = rule.Among ?? [.. indicators];
            if (rule.Among is not null)
            {
                if (rule.Among.Count == 0)
                {
                    problems.Add($"{name} lists no indicators in 'among'; leave it out to count all indicators.");
                }

                foreach (var code in rule.Among.Where(c => !indicators.Contains(c)))
                {
                    problems.Add($"{name} refers to indicator '{code}', which this version does not have.");
                }

                foreach (var code in rule.Among.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
                {
                    problems.Add($"{name} lists indicator '{code}' more than once.");
                }
            }

            var reachable = scope.Distinct().Count(indicators.Contains);
            if (rule.AtLeast > reachable)
            {
                problems.Add($"{name} needs {rule.AtLeast} indicators but only {reachable} can count towards it, so it could never apply.");
            }
        }

        if (d.Scoring.Otherwise.Level == RiskLevel.NotYetAssessed)
        {
            problems.Add("the fallback level ('otherwise') must be Low, Medium or High: the indicators have been assessed by then.");
        }

        Require(problems, d.Scoring.Otherwise.Description, "a description for the fallback rule ('otherwise')");
    }

    private static void CheckItems(List<string> problems, string kind, IReadOnlyList<CodedItem> items)
    {
        CheckCodes(problems, kind, items.Select(i => i?.Code));
        foreach (var item in items.OfType<CodedItem>())
        {
            Require(problems, item.Name, $"a name for {kind} '{item.Code}'");
        }
    }

    private static void CheckCodes(List<string> problems, string kind, IEnumerable<string?> codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                problems.Add($"a {kind} has no code.");
            }
            else if (!CodePattern().IsMatch(code))
            {
                problems.Add($"the {kind} code '{code}' must be lower-case words joined by hyphens.");
            }
            else if (!seen.Add(code))
            {
                problems.Add($"the {kind} code '{code}' is used more than once.");
            }
        }
    }

    private static void Require(List<string> problems, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"it needs {what}.");
        }
    }
}
