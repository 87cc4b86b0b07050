using Regional.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Features;

/// <summary>The placing authority's view of its children placed elsewhere.</summary>
internal static class PlacementQueries
{
    public static async Task<Results<Ok<PlacementView>, NotFound>> GetPlacement(
        Guid id, HttpContext http, PlacementDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.Placements.AsNoTracking().Include(p => p.Notifications)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }

        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.PlacementId == id).ToListAsync(cancellationToken);
        EntityTags.Set(http, placement.Revision);
        return TypedResults.Ok(PlacementView.From(placement, episodes, clock.GetUtcNow()));
    }

    /// <summary>The placement's missing episodes, oldest first.</summary>
    public static async Task<Results<Ok<MissingEpisodeView[]>, NotFound>> ListMissing(
        Guid id, PlacementDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Placements.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.PlacementId == id).OrderBy(e => e.MissingSince).ToListAsync(cancellationToken);
        return TypedResults.Ok(episodes.Select(e => MissingEpisodeView.From(e, now)).ToArray());
    }

    /// <summary>Lists placements, newest first; <c>status</c> keeps those with a notification in that state (e.g. overdue).</summary>
    public static async Task<Results<Ok<PlacementView[]>, ProblemHttpResult>> ListPlacements(
        string? status, int? limit, PlacementDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Placements.AsNoTracking().Include(p => p.Notifications).AsQueryable();
        if (status is not null)
        {
            if (!Enum.TryParse<NotificationStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                return ServiceDefaults.Problems.Unprocessable(new Dictionary<string, string[]>
                {
                    ["status"] = [$"must be one of: {string.Join(", ", Enum.GetNames<NotificationStatus>().Select(n => n.ToLowerInvariant()))}."],
                });
            }

            query = query.Where(p => p.Notifications.Any(n => n.Status == wanted));
        }

        var placements = await query.OrderByDescending(p => p.RecordedAt).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(placements.Select(PlacementView.From).ToArray());
    }
}
