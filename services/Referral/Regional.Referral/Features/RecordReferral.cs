using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.RiskTool;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

internal static class RecordReferralValidator
{
    public static ValidationErrors Validate(RecordReferralRequest request, RegionDirectory region, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            errors.Add("source", "is required.");
        }
        else if (!Vocabulary.Sources.Contains(request.Source))
        {
            errors.Add("source", $"must be one of: {string.Join(", ", Vocabulary.Sources)}.");
        }

        errors.MaxLength("sourceReference", request.SourceReference, 100);
        errors.Required("concerns", request.Concerns, 4000);

        var types = RiskToolCatalog.Embedded.Latest.Codes(CodeCategory.ExploitationType).ToList();
        var given = request.ExploitationTypes ?? [];
        for (var i = 0; i < given.Length; i++)
        {
            if (!types.Contains(given[i]))
            {
                errors.Add($"exploitationTypes[{i}]", $"must be one of: {string.Join(", ", types)}.");
            }
        }

        if (given.Distinct().Count() != given.Length)
        {
            errors.Add("exploitationTypes", "lists a type more than once.");
        }

        if (request.ConcernDate is not { } date)
        {
            errors.Add("concernDate", "is required.");
        }
        else if (date > today)
        {
            errors.Add("concernDate", "cannot be in the future.");
        }
        else if (date < today.AddYears(-1))
        {
            errors.Add("concernDate", "must be within the last year.");
        }

        var child = request.Child;
        if (child is null)
        {
            errors.Add("child", "is required.");
            return errors;
        }

        errors.MaxLength("child.givenName", child.GivenName, 100);
        errors.MaxLength("child.familyName", child.FamilyName, 100);
        errors.MaxLength("child.localId", child.LocalId, 50);
        if (child.NhsNumber is not null && NhsNumber.Normalise(child.NhsNumber) is null)
        {
            errors.Add("child.nhsNumber", "is not a valid NHS number (10 digits with a correct check digit).");
        }

        if (child.DateOfBirth is { } dob && dob > today)
        {
            errors.Add("child.dateOfBirth", "cannot be in the future.");
        }

        if (child.PlacingAuthority is not null && !region.IsAuthority(child.PlacingAuthority))
        {
            errors.Add("child.placingAuthority", $"'{child.PlacingAuthority}' is not an authority of the region: {string.Join(", ", region.Authorities.Select(a => a.Id))}.");
        }

        // A concern must say who it is about well enough to find them or to act on it locally.
        var named = !string.IsNullOrWhiteSpace(child.GivenName) && !string.IsNullOrWhiteSpace(child.FamilyName);
        if (!named && string.IsNullOrWhiteSpace(child.NhsNumber) && string.IsNullOrWhiteSpace(child.LocalId))
        {
            errors.Add("child", "needs a given and family name, an NHS number or a local id.");
        }

        return errors;
    }
}

/// <summary>
/// Records a CRE concern and matches the child against our register of incoming children. A
/// child placed here by another authority opens (or joins) a reciprocal case, and the placing
/// authority is told at once, in the same transaction. Anyone else is handled locally: nobody
/// outside this authority hears of it.
/// </summary>
internal static class RecordReferralHandler
{
    public static async Task<Results<Created<ReferralView>, Ok<ReferralView>, ProblemHttpResult>> Handle(
        RecordReferralRequest request,
        ClaimsPrincipal user,
        ReferralDbContext db,
        UnitOfWork<ReferralDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        RegionDirectory region,
        WorkingDayCalendar calendar,
        TimeProvider clock,
        ReferralMetrics metrics,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = RecordReferralValidator.Validate(request, region, calendar.LocalDate(now));
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var source = request.Source!;
        var reference = string.IsNullOrWhiteSpace(request.SourceReference) ? null : request.SourceReference.Trim();
        if (await Existing(db, source, reference, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(ReferralView.From(existing));
        }

        var c = request.Child!;
        var child = new ReferredChild
        {
            GivenName = c.GivenName?.Trim(),
            FamilyName = c.FamilyName?.Trim(),
            DateOfBirth = c.DateOfBirth,
            NhsNumber = c.NhsNumber is null ? null : NhsNumber.Normalise(c.NhsNumber),
            LocalId = c.LocalId?.Trim(),
            PlacingAuthority = c.PlacingAuthority,
        };
        var referral = new Domain.Referral
        {
            Id = Guid.CreateVersion7(now),
            ReceivedAt = now,
            Source = source,
            SourceReference = reference,
            Concerns = request.Concerns!.Trim(),
            ExploitationTypes = [.. request.ExploitationTypes ?? []],
            ConcernDate = request.ConcernDate!.Value,
            Child = child,
            RecordedBy = user.GetSubject(),
        };

        var candidates = await db.IncomingChildren
            .Where(x => (child.NhsNumber != null && x.NhsNumber == child.NhsNumber)
                        || (child.PlacingAuthority != null && x.PlacingAuthority == child.PlacingAuthority)
                        || (child.DateOfBirth != null && x.DateOfBirth == child.DateOfBirth))
            .ToListAsync(cancellationToken);
        var match = ChildMatcher.Match(child, candidates, referral.ConcernDate);
        if (match is not null)
        {
            var registered = match.Child;
            var reciprocal = await db.Cases.FirstOrDefaultAsync(
                x => x.PlacementId == registered.PlacementId && x.Status == CaseStatus.Open, cancellationToken);
            if (reciprocal is null)
            {
                reciprocal = new ReciprocalCase
                {
                    Id = Guid.CreateVersion7(now),
                    ReferralId = referral.Id,
                    PlacementId = registered.PlacementId,
                    PlacingAuthority = registered.PlacingAuthority,
                    ChildLocalId = registered.LocalId,
                    ChildGivenName = registered.GivenName,
                    ChildFamilyName = registered.FamilyName,
                    Status = CaseStatus.Open,
                    OpenedAt = now,
                };
                db.Cases.Add(reciprocal);
            }

            referral.MatchedOn = match.MatchedOn;
            referral.PlacementId = registered.PlacementId;
            referral.PlacingAuthority = registered.PlacingAuthority;
            referral.CaseId = reciprocal.Id;

            // The placing authority hears of it now, with the child as it described them itself.
            outbox.Send(db, new CrossBorderConcernRaised(
                referral.Id,
                reciprocal.Id,
                registered.PlacementId,
                self.Authority,
                registered.PlacingAuthority,
                new ChildDetails(
                    registered.LocalId, registered.GivenName, registered.FamilyName, registered.DateOfBirth,
                    registered.NhsNumber, registered.Gender, registered.Ethnicity),
                match.MatchedOn,
                new ConcernDetails(source, reference, referral.Concerns, referral.ExploitationTypes, referral.ConcernDate, now)));
        }

        outbox.Publish(db, new ReferralReceived(
            referral.Id, self.Authority, referral.PlacingAuthority ?? self.Authority, source, referral.IsCrossBorder, now));
        db.Referrals.Add(referral);

        try
        {
            await work.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (reference is not null)
        {
            // The same concern arrived concurrently and won: answer with it, send nothing twice.
            db.ChangeTracker.Clear();
            if (await Existing(db, source, reference, cancellationToken) is { } winner)
            {
                return TypedResults.Ok(ReferralView.From(winner));
            }

            throw;
        }
        metrics.ReferralReceived(source, referral.PlacingAuthority);
        return TypedResults.Created($"/{self.Authority}/referrals/{referral.Id}", ReferralView.From(referral));
    }

    private static Task<Domain.Referral?> Existing(ReferralDbContext db, string source, string? reference, CancellationToken cancellationToken) =>
        reference is null
            ? Task.FromResult<Domain.Referral?>(null)
            : db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Source == source && r.SourceReference == reference, cancellationToken);
}
