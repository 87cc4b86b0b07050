using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Regional.ServiceDefaults;

/// <summary>
/// Entity tags for records people edit: a read returns <c>ETag</c>; a write may send
/// <c>If-Match</c> to say "only if nobody has changed it since I read it". Without
/// <c>If-Match</c> a write applies to the current state, checked by the record's own rules.
/// </summary>
public static class EntityTags
{
    public static string For(int revision) => $"\"{revision}\"";

    public static void Set(HttpContext context, int revision) => context.Response.Headers.ETag = For(revision);

    /// <summary>True when the request names entity tags and none of them is the record's current one.</summary>
    public static bool PreconditionFails(HttpContext context, int revision)
    {
        var header = context.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return true;
        }

        var current = new EntityTagHeaderValue(For(revision));
        return !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>412 with the record's current tag, so the caller can re-read and decide.</summary>
    public static ProblemHttpResult PreconditionFailed(HttpContext context, int revision, string what)
    {
        Set(context, revision);
        return TypedResults.Problem(
            $"Someone changed this {what} after you read it; it is now at version {For(revision)}. Read it again, then repeat your change if it still applies.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The record changed since it was read.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = For(revision) });
    }
}
