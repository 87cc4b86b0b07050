using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Regional.ServiceDefaults;

public static class Problems
{
    /// <summary>422: the body was well-formed but its content is not acceptable; names each field.</summary>
    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request has invalid fields.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
}

/// <summary>
/// Turns a body that is not JSON of the right shape into a 400 problem naming the field the
/// parser stopped at, instead of a bare 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var details = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." };
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            details = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = ["The value is not valid JSON of the expected type."],
            })
            { Status = StatusCodes.Status400BadRequest, Title = "The request body is not valid." };
        }
        else if (bad.StatusCode == StatusCodes.Status400BadRequest && bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            // No body, or the JSON literal null, where the endpoint reads one: the framework says so
            // in its message only. The field missing is the whole body.
            details = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["$"] = ["A JSON body is required."],
            })
            { Status = StatusCodes.Status400BadRequest, Title = "The request body is not valid." };
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            details.Title = "The request body is too large.";
            details.Detail = "Split the request or remove unneeded content.";
        }
        else
        {
            details.Detail = "The body must be JSON matching the documented schema.";
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
