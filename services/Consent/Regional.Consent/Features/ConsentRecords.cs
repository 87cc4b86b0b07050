using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Consent.Data;
using Regional.Consent.Domain;
using Regional.Messaging;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Consent.Features;

internal static class ConsentRecords
{
    public const int ChildIdMaxLength = 50;

    /// <summary>The child's record with everything that decides what holds, tracked for a change.</summary>
    public static Task<ConsentRecord?> Load(ConsentDbContext db, string childId, CancellationToken cancellationToken) =>
        db.Records
            .Include(r => r.Decisions)
            .Include(r => r.Overrides)
            .Include(r => r.Announced)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.ChildLocalId == childId, cancellationToken);

    public static void CheckChildId(string childId, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(childId))
        {
            errors.Add("childId", "is required.");
        }
        else if (childId.Length > ChildIdMaxLength)
        {
            errors.Add("childId", $"must be at most {ChildIdMaxLength} characters.");
        }
        else if (childId.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            // An id with an invisible character (a right-to-left override, a zero-width space) reads
            // as another child's id on screen: refused rather than stored as a second record (issue 11).
            errors.Add("childId", "must not contain control or invisible formatting characters.");
        }
    }

    /// <summary>
    /// Runs a change, and once more on fresh state if it collided with another writer's insert
    /// (two first decisions opening the same record, two entries taking the same place in it):
    /// the unit of work re-applies lost version races itself, not a duplicate key.
    /// </summary>
    public static async Task<T> OnceMoreOnCollision<T>(UnitOfWork<ConsentDbContext> work, Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            work.Db.ChangeTracker.Clear();
            return await change();
        }
    }

    public static BasisClock Clock(string authority, TimeProvider clock, WorkingDayCalendar calendar)
    {
        var now = clock.GetUtcNow();
        return new BasisClock(authority, now, calendar.LocalDate(now), calendar.EndOfDay);
    }

    public static async Task<Results<Ok<ConsentRecordView>, ProblemHttpResult>> Get(
        string childId,
        ConsentDbContext db,
        TimeProvider clock,
        WorkingDayCalendar calendar,
        CancellationToken cancellationToken)
    {
        var record = await db.Records.AsNoTracking()
            .Include(r => r.Decisions)
            .Include(r => r.Overrides)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.ChildLocalId == childId, cancellationToken);
        return record is null
            ? TypedResults.Problem("No consent decision or override is recorded for this child: no consent-based or safeguarding sharing holds.",
                statusCode: StatusCodes.Status404NotFound, title: "No consent record.")
            : TypedResults.Ok(ConsentViews.From(record, calendar.LocalDate(clock.GetUtcNow())));
    }
}
