using Regional.ServiceDefaults;
using Regional.RiskTool;

namespace Regional.Referral.Features;

/// <summary>
/// Turns the API's assessment into the tool's, reading ratings and levels as the words the API
/// documents (so a wrong word is a 422 naming the field, not a 400), then lets the tool itself
/// validate it against the version it names.
/// </summary>
internal static class AssessmentInput
{
    private static readonly Dictionary<string, Rating> Ratings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = Rating.None,
        ["low"] = Rating.Low,
        ["medium"] = Rating.Medium,
        ["high"] = Rating.High,
    };

    private static readonly Dictionary<string, RiskLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["not-yet-assessed"] = RiskLevel.NotYetAssessed,
        ["low"] = RiskLevel.Low,
        ["medium"] = RiskLevel.Medium,
        ["high"] = RiskLevel.High,
    };

    /// <summary>The tool's assessment, or null with errors added under <c>assessment.</c>.</summary>
    public static RiskAssessment? Read(AssessmentRequest request, AlignedVersions alignment, RiskToolCatalog catalog, ValidationErrors errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(request.ToolVersion))
        {
            errors.Add("assessment.toolVersion", "is required.");
            return null;
        }

        if (!alignment.IsAligned(request.ToolVersion))
        {
            var why = alignment.IsRetired(request.ToolVersion) ? "has been retired by the region" : "is not aligned across the region";
            errors.Add("assessment.toolVersion", $"'{request.ToolVersion}' {why}; aligned versions: {alignment}.");
            return null;
        }

        var indicators = new List<IndicatorRating>();
        var given = request.Indicators ?? [];
        for (var i = 0; i < given.Length; i++)
        {
            var item = given[i];
            if (item?.Rating is null || !Ratings.TryGetValue(item.Rating, out var rating))
            {
                errors.Add($"assessment.indicators[{i}].rating", "must be one of: none, low, medium, high.");
                continue;
            }

            errors.MaxLength($"assessment.indicators[{i}].evidence", item.Evidence, 2000);
            indicators.Add(new IndicatorRating(item.Code ?? "", rating, item.Evidence?.Trim()));
        }

        ProfessionalOverride? professional = null;
        if (request.Override is { } o)
        {
            if (o.Level is null || !Levels.TryGetValue(o.Level, out var level))
            {
                errors.Add("assessment.override.level", "must be one of: not-yet-assessed, low, medium, high.");
            }
            else
            {
                errors.MaxLength("assessment.override.rationale", o.Rationale, 2000);
                errors.MaxLength("assessment.override.by", o.By, 200);
                professional = new ProfessionalOverride(level, o.Rationale?.Trim(), o.By?.Trim());
            }
        }

        var assessment = new RiskAssessment
        {
            ToolVersion = request.ToolVersion,
            Indicators = indicators,
            VulnerabilityFactors = request.VulnerabilityFactors ?? [],
            Models = request.Models ?? [],
            ExploitationTypes = request.ExploitationTypes ?? [],
            Override = professional,
        };
        foreach (var error in catalog.Validate(assessment))
        {
            errors.Add($"assessment.{error.Path}", error.Message);
        }

        return errors.Count == before ? assessment : null;
    }
}
