namespace Regional.RiskTool;

/// <summary>Checks an assessment against the version it names; reports every problem, not just the first.</summary>
internal static class AssessmentValidator
{
    public static IReadOnlyList<ValidationError> Validate(RiskToolDefinition definition, RiskAssessment assessment)
    {
        var errors = new List<ValidationError>();
        ValidateIndicators(definition, assessment.Indicators ?? [], errors);
        foreach (var category in CodeCategories.All.Where(c => c != CodeCategory.Indicator))
        {
            ValidateCodes(definition, category, assessment.CodesOf(category) ?? [], errors);
        }

        // Whether an override is pointless depends on the derived level, which only means
        // something once the indicators themselves are sound.
        var indicatorsSound = !errors.Any(e => e.Path.StartsWith("indicators", StringComparison.Ordinal));
        if (assessment.Override is { } o)
        {
            ValidateOverride(definition, assessment, o, indicatorsSound, errors);
        }

        return errors;
    }

    public static ValidationError UnknownVersion(string? version, IEnumerable<string> known) => new(
        "toolVersion",
        string.IsNullOrWhiteSpace(version) ? ValidationErrorKind.Required : ValidationErrorKind.UnknownVersion,
        string.IsNullOrWhiteSpace(version)
            ? "The tool version is required."
            : $"'{version}' is not a known risk tool version; known versions are {string.Join(", ", known)}.");

    private static void ValidateIndicators(RiskToolDefinition definition, IReadOnlyList<IndicatorRating> ratings, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ratings.Count; i++)
        {
            var rating = ratings[i];
            if (rating is null || string.IsNullOrWhiteSpace(rating.Code))
            {
                errors.Add(new($"indicators[{i}].code", ValidationErrorKind.Required, "The indicator code is required."));
                continue;
            }

            var path = $"indicators[{rating.Code}]";
            if (!definition.HasIndicator(rating.Code))
            {
                errors.Add(new(path, ValidationErrorKind.UnknownCode, $"'{rating.Code}' is not an indicator of {definition.Version}; its indicators are: {string.Join(", ", definition.Indicators.Select(x => x.Code))}."));
                continue;
            }

            if (!seen.Add(rating.Code))
            {
                errors.Add(new(path, ValidationErrorKind.DuplicateCode, $"'{rating.Code}' is rated more than once."));
                continue;
            }

            if (!Enum.IsDefined(rating.Rating))
            {
                errors.Add(new($"{path}.rating", ValidationErrorKind.InvalidValue, "The rating must be None, Low, Medium or High."));
            }
            else if (rating.Rating > Rating.None && string.IsNullOrWhiteSpace(rating.Evidence))
            {
                errors.Add(new($"{path}.evidence", ValidationErrorKind.Required,
                    $"A {rating.Rating} rating needs the evidence it rests on."));
            }
        }
    }

    private static void ValidateCodes(RiskToolDefinition definition, CodeCategory category, IReadOnlyList<string> codes, List<ValidationError> errors)
    {
        var field = category.FieldName();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(new($"{field}[{i}]", ValidationErrorKind.Required, "A code is required."));
            }
            else if (!definition.HasCode(category, code))
            {
                errors.Add(new($"{field}[{code}]", ValidationErrorKind.UnknownCode,
                    $"'{code}' is not one of the {Plural(category)} of {definition.Version}; they are: {string.Join(", ", definition.Codes(category))}."));
            }
            else if (!seen.Add(code))
            {
                errors.Add(new($"{field}[{code}]", ValidationErrorKind.DuplicateCode, $"'{code}' is listed more than once."));
            }
        }
    }

    private static void ValidateOverride(
        RiskToolDefinition definition, RiskAssessment assessment, ProfessionalOverride o, bool indicatorsSound, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(o.Rationale))
        {
            errors.Add(new("override.rationale", ValidationErrorKind.Required,
                "An override of the derived level must record the professionals' rationale."));
        }

        if (string.IsNullOrWhiteSpace(o.By))
        {
            errors.Add(new("override.by", ValidationErrorKind.Required, "An override must record who made it."));
        }

        if (!Enum.IsDefined(o.Level) || o.Level == RiskLevel.NotYetAssessed)
        {
            errors.Add(new("override.level", ValidationErrorKind.InvalidValue, "An override must set the level to Low, Medium or High."));
        }
        else if (indicatorsSound)
        {
            var derived = RiskScorer.Derive(definition, assessment.Indicators ?? [])[0].Level;
            if (derived == o.Level)
            {
                errors.Add(new("override.level", ValidationErrorKind.PointlessOverride,
                    $"The indicators already give {derived}; an override must change the level."));
            }
        }
    }

    private static string Plural(CodeCategory category) => category switch
    {
        CodeCategory.VulnerabilityFactor => "vulnerability factors",
        CodeCategory.Model => "models of exploitation",
        CodeCategory.ExploitationType => "exploitation types",
        _ => "indicators",
    };
}
