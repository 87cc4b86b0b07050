using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Placement.Data;

namespace Regional.Placement.Features;

/// <summary>The host's register of children placed in its area by other authorities.</summary>
internal static class RegisterQueries
{
    public static async Task<Ok<RegisterEntryView[]>> ListRegister(
        bool? awaitingAcknowledgement, bool? includeEnded, int? limit, PlacementDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Register.AsNoTracking().Include(e => e.Notices).AsQueryable();
        if (awaitingAcknowledgement == true)
        {
            query = query.Where(e => e.Notices.Any(n => n.AcknowledgedAt == null));
        }

        if (includeEnded != true)
        {
            query = query.Where(e => e.EndDate == null || e.Notices.Any(n => n.AcknowledgedAt == null));
        }

        var entries = await query.OrderBy(e => e.StartDate).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(RegisterEntryView.From).ToArray());
    }

    public static async Task<Results<Ok<RegisterEntryView>, NotFound>> GetEntry(Guid placementId, PlacementDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.Register.AsNoTracking().Include(e => e.Notices)
            .FirstOrDefaultAsync(e => e.PlacementId == placementId, cancellationToken);
        return entry is null ? TypedResults.NotFound() : TypedResults.Ok(RegisterEntryView.From(entry));
    }
}
