using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static class UpdateMissingValidator
{
    public static ValidationErrors Validate(UpdateMissingRequest request)
    {
        var errors = new ValidationErrors();
        MissingDetailsValidator.Validate(
            errors, request.Description, descriptionRequired: false, request.PhotoReference, request.RiskAssessedLocations,
            request.Associates, request.Phone, request.RiskLevel, riskLevelRequired: false, request.LastSeenAt);
        return errors;
    }
}

/// <summary>An episode and its placement, for the handlers that change one.</summary>
internal static class MissingEpisodeLookup
{
    public static async Task<(Domain.Placement Placement, MissingEpisode Episode)?> FindAsync(
        PlacementDbContext db, Guid placementId, Guid episodeId, CancellationToken ct)
    {
        var episode = await db.MissingEpisodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PlacementId == placementId, ct);
        if (episode is null)
        {
            return null;
        }

        var placement = await db.Placements.FirstAsync(p => p.Id == placementId, ct);
        return (placement, episode);
    }

    /// <summary>
    /// An episode is part of its placement: the placement's version moves with it, so two reports
    /// racing for one placement cannot both open an episode (the loser re-reads and hears 409), and
    /// the placement's entity tag changes with what <c>GET</c> shows of it.
    /// </summary>
    public static void Touch(PlacementDbContext db, Domain.Placement placement) =>
        db.Entry(placement).Property(p => p.Version).IsModified = true;
}

/// <summary>
/// More details of an open episode, or a changed risk level; fields left out keep their value. The
/// host gets the whole current state, so that the latest update it holds is complete on its own.
/// </summary>
internal static class UpdateMissingHandler
{
    public static async Task<Results<Ok<MissingEpisodeView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        Guid episodeId,
        UpdateMissingRequest request,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<Ok<MissingEpisodeView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var db = work.Db;
            if (await MissingEpisodeLookup.FindAsync(db, id, episodeId, ct) is not (var placement, var episode))
            {
                return TypedResults.NotFound();
            }

            if (!episode.IsOpen)
            {
                return Problems.Conflict("The child has returned; this episode can no longer be updated.");
            }

            var errors = UpdateMissingValidator.Validate(request);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            var now = clock.GetUtcNow();
            episode.Description = request.Description?.Trim() ?? episode.Description;
            episode.PhotoReference = request.PhotoReference is null ? episode.PhotoReference : MissingDetailsValidator.Clean(request.PhotoReference);
            episode.RiskAssessedLocations = request.RiskAssessedLocations is null ? episode.RiskAssessedLocations : MissingDetailsValidator.Clean(request.RiskAssessedLocations);
            episode.Associates = request.Associates is null ? episode.Associates : MissingDetailsValidator.Clean(request.Associates);
            episode.Phone = request.Phone is null ? episode.Phone : MissingDetailsValidator.Clean(request.Phone);
            episode.RiskLevel = request.RiskLevel ?? episode.RiskLevel;
            episode.LastSeenAt = request.LastSeenAt is null ? episode.LastSeenAt : MissingDetailsValidator.Clean(request.LastSeenAt);
            episode.UpdatedAt = now;
            MissingEpisodeLookup.Touch(db, placement);
            outbox.Send(db, new MissingEpisodeUpdated(
                episode.Id, placement.Id, self.Authority, placement.HostAuthority, episode.ChildLocalId, episode.Description,
                episode.PhotoReference, episode.RiskAssessedLocations, episode.Associates, episode.Phone, episode.RiskLevel,
                episode.LastSeenAt, now));
            return TypedResults.Ok(MissingEpisodeView.From(episode, now));
        }, cancellationToken);
}
