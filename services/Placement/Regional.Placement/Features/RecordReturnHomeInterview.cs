using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static class RecordReturnHomeInterviewValidator
{
    public static ValidationErrors Validate(ReturnHomeInterviewRequest request, MissingEpisode episode, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            errors.Add("outcome", "is required.");
        }
        else if (!MissingClocks.Outcomes.Contains(request.Outcome))
        {
            errors.Add("outcome", $"must be one of: {string.Join(", ", MissingClocks.Outcomes)}.");
        }

        errors.Required("by", request.By, 200);
        if (request.Independent is null)
        {
            errors.Add("independent", "is required.");
        }

        if (request.At is not { } at)
        {
            errors.Add("at", "is required.");
        }
        else if (at < episode.ReturnedAt)
        {
            errors.Add("at", $"cannot be before the return ({episode.ReturnedAt:O}).");
        }
        else if (at > now)
        {
            errors.Add("at", "cannot be in the future.");
        }

        return errors;
    }
}

/// <summary>
/// The return home interview was offered, done or declined. An offer is recorded but leaves the
/// clock running: only an interview done or declined answers it. The host is told.
/// </summary>
internal static class RecordReturnHomeInterviewHandler
{
    public static async Task<Results<Ok<MissingEpisodeView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        Guid episodeId,
        ReturnHomeInterviewRequest request,
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

            if (episode.IsOpen)
            {
                return Problems.Conflict("The child has not returned yet; record the return first.");
            }

            if (MissingClocks.ReturnHomeInterviewAnswered(episode.ReturnHomeInterviewOutcome))
            {
                return Problems.Conflict($"The return home interview was already recorded as {episode.ReturnHomeInterviewOutcome}.");
            }

            var now = clock.GetUtcNow();
            var errors = RecordReturnHomeInterviewValidator.Validate(request, episode, now);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            episode.ReturnHomeInterviewOutcome = request.Outcome!;
            episode.ReturnHomeInterviewBy = request.By!.Trim();
            episode.ReturnHomeInterviewIndependent = request.Independent!.Value;
            episode.ReturnHomeInterviewAt = request.At!.Value;
            MissingEpisodeLookup.Touch(db, placement);
            outbox.Send(db, new ReturnHomeInterviewRecorded(
                episode.Id, placement.Id, self.Authority, placement.HostAuthority, episode.ChildLocalId, episode.ReturnHomeInterviewOutcome,
                episode.ReturnHomeInterviewBy, episode.ReturnHomeInterviewIndependent.Value, episode.ReturnHomeInterviewAt.Value));
            return TypedResults.Ok(MissingEpisodeView.From(episode, now));
        }, cancellationToken);
}
