namespace Regional.RiskTool;

/// <summary>
/// One problem with an assessment, keyed by the JSON path of the field at fault
/// (<c>indicators[going-missing].evidence</c>, <c>override.rationale</c>) so that a service can
/// answer 422 naming it.
/// </summary>
public sealed record ValidationError(string Path, ValidationErrorKind Kind, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

public enum ValidationErrorKind
{
    UnknownVersion,
    UnknownCode,
    DuplicateCode,
    Required,
    InvalidValue,
    PointlessOverride,
}

/// <summary>Thrown when an invalid assessment is scored or mapped; services should validate first.</summary>
public sealed class InvalidAssessmentException(IReadOnlyList<ValidationError> errors)
    : Exception("The risk assessment is not valid: " + string.Join("; ", errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
