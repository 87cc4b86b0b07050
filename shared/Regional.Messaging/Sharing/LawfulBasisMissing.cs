using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Regional.Messaging;

/// <summary>
/// The unit of work committed, but a message in it needs consent or a safeguarding override that
/// is not recorded: it is held in the outbox and goes when one is.
/// </summary>
public sealed class LawfulBasisMissingException(IReadOnlyList<HeldMessage> held)
    : Exception($"{held.Count} message(s) held for want of a lawful basis.")
{
    public IReadOnlyList<HeldMessage> Held { get; } = held;
}

/// <summary>Turns <see cref="LawfulBasisMissingException"/> into a 422 problem naming the missing basis and the held message.</summary>
public sealed class LawfulBasisMissingExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not LawfulBasisMissingException missing)
        {
            return false;
        }

        var errors = new Dictionary<string, string[]>
        {
            ["basis"] = missing.Held
                .Select(h => $"No consent or safeguarding override for purpose '{h.Purpose}' with {h.RecipientType} is recorded for this child.")
                .Distinct()
                .ToArray(),
        };
        var details = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "A lawful basis is missing: the message is held, not sent.",
            Detail = "Record consent or a safeguarding override for the purpose (the consent service); the held message then goes without being sent again.",
            Type = "https://regional.example/problems/lawful-basis-missing",
        };
        details.Extensions["missingBasis"] = missing.Held.Select(h => new { purpose = h.Purpose, recipientType = h.RecipientType.ToString() }).Distinct().ToArray();
        details.Extensions["held"] = missing.Held.Select(h => new { messageId = h.MessageId, kind = h.MessageKind }).ToArray();
        httpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
