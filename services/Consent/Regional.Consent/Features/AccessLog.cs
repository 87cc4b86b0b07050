using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Consent.Data;
using Regional.Consent.Domain;

namespace Regional.Consent.Features;

/// <summary>"Who has received or read what about this child, when, and on what basis": one answer, in time order.</summary>
internal static class AccessLog
{
    public static readonly string[] CsvColumns =
        ["occurredAt", "kind", "what", "fields", "from", "counterpart", "actorRole", "basis", "reference", "correlationId", "entryId", "receivedAt"];

    public static async Task<Ok<AccessEntryView[]>> Get(string childId, ConsentDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Entries(db, childId, cancellationToken)).Select(ConsentViews.From).ToArray());

    public static async Task<FileContentHttpResult> Csv(string childId, ConsentDbContext db, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder();
        Row(csv, CsvColumns);
        foreach (var e in await Entries(db, childId, cancellationToken))
        {
            Row(csv, [
                e.OccurredAt.ToString("O"), e.Kind, e.What, string.Join(';', e.Fields), e.From, e.Counterpart,
                e.ActorRole, e.Basis, e.BasisReference, e.CorrelationId, e.EntryId.ToString(), e.ReceivedAt.ToString("O"),
            ]);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "access.csv");
    }

    /// <summary>By when it happened, then by when it arrived here (the log's own order).</summary>
    private static Task<List<AccessLogEntry>> Entries(ConsentDbContext db, string childId, CancellationToken cancellationToken) =>
        db.AccessLog.AsNoTracking()
            .Where(e => e.ChildLocalId == childId)
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end in CRLF.</summary>
    public static void Row(StringBuilder csv, IEnumerable<string?> fields)
    {
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    /// <summary>
    /// One CSV cell. A value a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is
    /// prefixed with an apostrophe, as OWASP advises: the export is opened by council staff in
    /// spreadsheets, and its text comes from other authorities.
    /// </summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
