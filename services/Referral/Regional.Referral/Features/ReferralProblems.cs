using Regional.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Regional.Referral.Features;

internal static class ReferralProblems
{
    /// <summary>
    /// 422 naming <c>assessment.toolVersion</c>, with the aligned versions also as data, so a case
    /// system can offer the right version without parsing the message.
    /// </summary>
    public static ProblemHttpResult NotAligned(ValidationErrors errors, IEnumerable<string> aligned) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request has invalid fields.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
            Extensions = { ["alignedVersions"] = aligned.ToArray() },
        });
}
