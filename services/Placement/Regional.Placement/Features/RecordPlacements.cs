using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

/// <summary>
/// Backfill: a council joining the broker brings its current out-of-area placements in batches.
/// Each batch is all or nothing, validated item by item (<c>[3].child.nhsNumber</c>), and each
/// placement notifies its host exactly as one recorded by hand does.
/// </summary>
internal static class RecordPlacementsHandler
{
    public const int MaxBatch = 500;

    /// <summary>A batch may be bigger than a single request's body limit.</summary>
    public const long MaxBatchBodyBytes = 4 * 1024 * 1024;

    public static async Task<Results<Created<RecordPlacementsResponse>, ProblemHttpResult>> Handle(
        RecordPlacementRequest[] requests,
        PlacementDbContext db,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        RegionDirectory region,
        StatutoryClocks clocks,
        TimeProvider clock,
        PlacementMetrics metrics,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (requests.Length is 0 or > MaxBatch)
        {
            errors.Add("$", $"must hold between 1 and {MaxBatch} placements.");
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var today = clocks.Today(now);
        for (var i = 0; i < requests.Length; i++)
        {
            RecordPlacementValidator.Validate(requests[i], self.Authority, region, today, errors.Under($"[{i}]"));
        }

        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var ids = new List<Guid>(requests.Length);
        foreach (var request in requests)
        {
            ids.Add(RecordPlacementHandler.Record(request, db, outbox, self, clocks, now).Id);
        }

        await work.CommitAsync(cancellationToken);
        foreach (var request in requests)
        {
            metrics.NoticeQueued(NotificationKind.PlacementStart, request.HostAuthority!);
        }

        return TypedResults.Created($"/{self.Authority}/placements", new RecordPlacementsResponse(ids.Count, ids));
    }
}
