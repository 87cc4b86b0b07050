using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static class RecordReturnValidator
{
    public static ValidationErrors Validate(RecordReturnRequest request, MissingEpisode episode, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (request.ReturnedAt is not { } returned)
        {
            errors.Add("returnedAt", "is required.");
        }
        else if (returned < episode.MissingSince)
        {
            errors.Add("returnedAt", $"cannot be before the episode began ({episode.MissingSince:O}).");
        }
        else if (returned > now)
        {
            errors.Add("returnedAt", "cannot be in the future.");
        }

        errors.Required("foundWhere", request.FoundWhere, 500);
        errors.Required("foundBy", request.FoundBy, 200);
        return errors;
    }
}

/// <summary>The child is back: the episode closes and the return home interview clock starts; the host is told.</summary>
internal static class RecordReturnHandler
{
    public static async Task<Results<Ok<MissingEpisodeView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        Guid episodeId,
        RecordReturnRequest request,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        TimeProvider clock,
        IOptions<PlacementOptions> options,
        RegionDirectory region,
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
                return Problems.Conflict($"The return was already recorded at {episode.ReturnedAt:O}.");
            }

            var now = clock.GetUtcNow();
            var errors = RecordReturnValidator.Validate(request, episode, now);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            episode.ReturnedAt = request.ReturnedAt!.Value;
            episode.FoundWhere = request.FoundWhere!.Trim();
            episode.FoundBy = request.FoundBy!.Trim();
            episode.ReturnHomeInterviewDueBy = MissingClocks.ReturnHomeInterviewDueBy(
                episode.ReturnedAt.Value, TimeSpan.FromHours(options.Value.ReturnHomeInterviewHours));
            MissingEpisodeLookup.Touch(db, placement);
            outbox.Send(db, new ChildReturned(
                episode.Id, placement.Id, self.Authority, placement.HostAuthority, episode.ChildLocalId, episode.ReturnedAt.Value,
                episode.FoundWhere, episode.FoundBy, episode.ReturnHomeInterviewDueBy.Value));
            PoliceAlerts.Found(outbox, db, region, self.Authority, placement, episode, now);
            return TypedResults.Ok(MissingEpisodeView.From(episode, now));
        }, cancellationToken);
}
