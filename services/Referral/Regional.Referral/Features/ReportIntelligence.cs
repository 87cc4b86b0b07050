using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

internal static class ReportIntelligenceValidator
{
    public static ValidationErrors Validate(ReportIntelligenceRequest request, RegionDirectory region, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            errors.Add("subject", "is required.");
        }
        else if (!IntelligenceReport.Subjects.Contains(request.Subject))
        {
            errors.Add("subject", $"must be one of: {string.Join(", ", IntelligenceReport.Subjects)}.");
        }

        if (string.IsNullOrWhiteSpace(request.Area))
        {
            errors.Add("area", "is required: the authority whose area the person, place or vehicle is in.");
        }
        else if (!region.IsAuthority(request.Area))
        {
            errors.Add("area", $"must be an authority of the region: {string.Join(", ", region.Authorities.Select(a => a.Id))}.");
        }
        else if (region.ForceCovering(request.Area) is null)
        {
            errors.Add("area", "is covered by no police force of the region.");
        }

        errors.Required("description", request.Description, 4000);
        errors.MaxLength("address", request.Address, 500);
        errors.MaxLength("vehicleRegistration", request.VehicleRegistration, 20);
        errors.MaxLength("association", request.Association, 2000);
        if (request.Subject == "place" && string.IsNullOrWhiteSpace(request.Address))
        {
            errors.Add("address", "is required for a place.");
        }

        if (request.Subject == "vehicle" && string.IsNullOrWhiteSpace(request.VehicleRegistration))
        {
            errors.Add("vehicleRegistration", "is required for a vehicle.");
        }

        if (request.ObservedAt > now)
        {
            errors.Add("observedAt", "cannot be in the future.");
        }
        else if (request.ObservedAt < now.AddYears(-1))
        {
            // As a concern's date: 0001-01-01 is a case system's empty date, and a force cannot act on a year-old sighting as an alert (issue 11).
            errors.Add("observedAt", "must be within the last year.");
        }

        return errors;
    }
}

/// <summary>
/// A practitioner reports a person, place or vehicle of concern: kept here and sent to the force
/// covering the place in the same commit.
/// </summary>
internal static class ReportIntelligenceHandler
{
    public static async Task<Results<Created<IntelligenceReportView>, ProblemHttpResult>> Handle(
        ReportIntelligenceRequest request,
        ClaimsPrincipal user,
        UnitOfWork<ReferralDbContext> work,
        ServiceIdentity self,
        RegionDirectory region,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = ReportIntelligenceValidator.Validate(request, region, now);
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        return await work.ExecuteAsync<Results<Created<IntelligenceReportView>, ProblemHttpResult>>(ct =>
        {
            var report = IntelligenceReport.Record(
                self.Authority, request.Subject!, request.Area!, region.ForceCovering(request.Area!)!.Id, request.Description!.Trim(),
                Clean(request.Address), Clean(request.VehicleRegistration)?.ToUpperInvariant(), Clean(request.Association), request.ObservedAt,
                user.GetSubject(), now);
            work.Db.IntelligenceReports.Add(report);
            return Task.FromResult<Results<Created<IntelligenceReportView>, ProblemHttpResult>>(
                TypedResults.Created($"/{self.Authority}/intelligence/{report.Id}", View(report)));
        }, cancellationToken);
    }

    public static async Task<Ok<IntelligenceReportView[]>> List(ReferralDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.IntelligenceReports.AsNoTracking().OrderByDescending(r => r.ReportedAt).Take(200).ToListAsync(cancellationToken))
            .Select(View).ToArray());

    private static IntelligenceReportView View(IntelligenceReport r) => new(
        r.Id, r.Subject, r.Area, r.Force, r.Description, r.Address, r.VehicleRegistration, r.Association, r.ObservedAt, r.ReportedAt, r.ReportedBy);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
