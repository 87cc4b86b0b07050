using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Placement.Data;

namespace Regional.Placement.Features;

/// <summary>The host's register of children placed in its area by other authorities.</summary>
internal static class RegisterQueries
{
    /// <summary>The register: every entry shown is another authority's child's record, so each is audited as read (its authority told, in batches).</summary>
    public static async Task<Ok<RegisterEntryView[]>> ListRegister(
        bool? awaitingAcknowledgement, bool? includeEnded, bool? missing, int? limit, PlacementDbContext db, UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
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

        if (missing == true)
        {
            query = query.Where(e => db.RegisterMissing.Any(m => m.PlacementId == e.PlacementId && m.ReturnedAt == null));
        }

        var entries = await query.OrderBy(e => e.StartDate).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.PlacementId).ToList();
        var episodes = (await db.RegisterMissing.AsNoTracking().Where(m => ids.Contains(m.PlacementId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.PlacementId);
        var now = clock.GetUtcNow();
        var views = entries.Select(e => RegisterEntryView.From(e, RegisterMissingView.Current(episodes[e.PlacementId]), now)).ToArray();
        if (views.Length > 0)
        {
            foreach (var (entry, view) in entries.Zip(views))
            {
                outbox.RecordRead(db, entry.PlacingAuthority, entry.Child.LocalId, "register-entry", ShownFields(view));
            }

            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(views);
    }

    /// <summary>The record of a child another authority is responsible for: the read is audited here and that authority told of it.</summary>
    public static async Task<Results<Ok<RegisterEntryView>, NotFound>> GetEntry(
        Guid placementId, PlacementDbContext db, UnitOfWork<PlacementDbContext> work, CrossBorderOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var entry = await db.Register.AsNoTracking().Include(e => e.Notices)
            .FirstOrDefaultAsync(e => e.PlacementId == placementId, cancellationToken);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        var episodes = await db.RegisterMissing.AsNoTracking().Where(m => m.PlacementId == placementId).ToListAsync(cancellationToken);
        var view = RegisterEntryView.From(entry, RegisterMissingView.Current(episodes), clock.GetUtcNow());
        outbox.RecordRead(db, entry.PlacingAuthority, entry.Child.LocalId, "register-entry", ShownFields(view));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    private static List<string> ShownFields(RegisterEntryView view)
    {
        List<string> fields = ["child", "legalStatus", "placementType", "startDate", "address", "isEmergency", "endDate", "notices"];
        if (view.Health is not null)
        {
            fields.Add("health");
        }

        if (view.ExploitationRisks is not null)
        {
            fields.Add("exploitationRisks");
        }

        if (view.Missing is not null)
        {
            fields.Add("missing");
        }

        return fields;
    }
}
