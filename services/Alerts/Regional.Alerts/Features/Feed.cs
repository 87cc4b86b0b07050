using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Alerts.Data;
using Regional.ServiceDefaults;

namespace Regional.Alerts.Features;

/// <summary>
/// A force system's pull feed: its alerts in the order they committed, after an opaque cursor. The
/// sequence is given under a lock held to the commit (<see cref="Domain.AlertNumbering"/>), so no
/// alert can appear behind a cursor already handed out: a reader that pages on sees every alert
/// exactly once, however many arrive while it reads.
/// </summary>
internal static class Feed
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    private const string CursorVersion = "f1:";

    public static async Task<Results<Ok<AlertFeedPage>, ProblemHttpResult>> Read(
        string force, string? after, int? limit, AlertsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        long position = 0;
        if (after is not null && !TryDecode(after, out position))
        {
            errors.Add("after", "is not a cursor this feed gave out; start without it, or pass the 'next' of the last page.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.Force == force && a.Sequence > position)
            .OrderBy(a => a.Sequence)
            .Take(limit ?? DefaultLimit)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var next = alerts.Count > 0 ? alerts[^1].Sequence : position;
        return TypedResults.Ok(new AlertFeedPage([.. alerts.Select(a => AlertViews.From(a, now))], Encode(next)));
    }

    public static string Encode(long position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(CursorVersion + position.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out long position)
    {
        position = 0;
        if (cursor.Length is 0 or > 64)
        {
            return false;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(CursorVersion, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorVersion.Length), NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
