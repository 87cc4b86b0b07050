using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static class EndPlacementValidator
{
    public static ValidationErrors Validate(EndPlacementRequest request, Domain.Placement placement, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (request.EndDate is not { } end)
        {
            errors.Add("endDate", "is required.");
        }
        else if (end < placement.StartDate)
        {
            errors.Add("endDate", "cannot be before the placement's start date.");
        }
        else if (end > today)
        {
            errors.Add("endDate", "cannot be in the future; record the end once the child has left.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", "is required.");
        }
        else if (!Vocabulary.EndReasons.Contains(request.Reason))
        {
            errors.Add("reason", $"must be one of: {string.Join(", ", Vocabulary.EndReasons)}.");
        }

        return errors;
    }
}

/// <summary>Ends a placement and notifies the host (reg 14), in one transaction.</summary>
internal static class EndPlacementHandler
{
    public static async Task<Results<Ok<PlacementView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        EndPlacementRequest request,
        HttpContext http,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        StatutoryClocks clocks,
        TimeProvider clock,
        PlacementMetrics metrics,
        CancellationToken cancellationToken)
    {
        Domain.Placement? ended = null;
        var result = await work.ExecuteAsync<Results<Ok<PlacementView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var db = work.Db;
            var placement = await db.Placements.Include(p => p.Notifications).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (placement is null)
            {
                return TypedResults.NotFound();
            }

            if (EntityTags.PreconditionFails(http, placement.Revision))
            {
                return EntityTags.PreconditionFailed(http, placement.Revision, "placement");
            }

            if (placement.EndDate is not null)
            {
                return Problems.Conflict($"The placement already ended on {placement.EndDate:yyyy-MM-dd}.");
            }

            var now = clock.GetUtcNow();
            var errors = EndPlacementValidator.Validate(request, placement, clocks.Today(now));
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            placement.EndDate = request.EndDate!.Value;
            placement.EndReason = request.Reason!;
            var dueBy = clocks.EndNoticeDueBy(placement.EndDate.Value);
            var notification = new Notification
            {
                Id = Guid.CreateVersion7(now),
                PlacementId = placement.Id,
                Kind = NotificationKind.PlacementEnd,
                To = placement.HostAuthority,
                Status = NotificationStatus.Pending,
                CreatedAt = now,
                AcknowledgeBy = clocks.AcknowledgeBy(now),
                StatutoryDueBy = dueBy,
                GivenLate = clocks.IsLate(dueBy, now),
            };
            notification.OutboxMessageId = outbox.Send(db, new PlacementEndNotice(
                notification.Id, placement.Id, self.Authority, placement.HostAuthority, placement.EndDate.Value,
                placement.EndReason, dueBy, now, notification.AcknowledgeBy, placement.Child.LocalId));
            outbox.Publish(db, new CrossBorderStepRecorded(notification.Id, StepKinds.EndNoticeSent, self.Authority, placement.HostAuthority, now));
            db.Notifications.Add(notification);
            ended = placement;
            return TypedResults.Ok(PlacementView.From(placement));
        }, cancellationToken);

        if (ended is not null && result.Result is Ok<PlacementView>)
        {
            EntityTags.Set(http, ended.Revision);
            metrics.NoticeQueued(NotificationKind.PlacementEnd, ended.HostAuthority);
        }

        return result;
    }
}
