using Refit;
using Regional.Api.Referrals;

namespace Regional.Client;

/// <summary>
/// Concerns and reciprocal cases (as the host) and tracking (as the placing authority), through the
/// gateway's <c>/{authority}/referrals</c>, <c>/cases</c> and <c>/tracking</c>.
/// </summary>
public interface IReferralsApi
{
    /// <remarks>201 for a new concern; 200 with the concern already recorded for the same source and sourceReference.</remarks>
    [Post("/{authority}/referrals")]
    Task<IApiResponse<ReferralView>> RecordReferral(string authority, [Body] RecordReferralRequest request, CancellationToken cancellationToken = default);

    [Get("/{authority}/referrals")]
    Task<IApiResponse<ReferralView[]>> ListReferrals(string authority, [Query] int? limit = null, CancellationToken cancellationToken = default);

    [Get("/{authority}/referrals/{id}")]
    Task<IApiResponse<ReferralView>> GetReferral(string authority, Guid id, CancellationToken cancellationToken = default);

    /// <param name="status"><c>open</c> (the default), <c>closed</c> or <c>all</c>.</param>
    [Get("/{authority}/cases")]
    Task<IApiResponse<CaseView[]>> ListCases(string authority, [Query] string? status = null, CancellationToken cancellationToken = default);

    [Get("/{authority}/cases/{id}")]
    Task<IApiResponse<CaseView>> GetCase(string authority, Guid id, CancellationToken cancellationToken = default);

    [Post("/{authority}/cases/{id}/meetings")]
    Task<IApiResponse<MeetingView>> RecordMeeting(
        string authority, Guid id, [Body] RecordMeetingRequest request, [Header("If-Match")] string? ifMatch = null,
        CancellationToken cancellationToken = default);

    [Post("/{authority}/cases/{id}/propose-closure")]
    Task<IApiResponse<CaseView>> ProposeClosure(
        string authority, Guid id, [Body] ClosureRequest request, [Header("If-Match")] string? ifMatch = null,
        CancellationToken cancellationToken = default);

    /// <summary>The risk tool versions aligned and retired, as this authority last heard from the region.</summary>
    [Get("/{authority}/cases/risk-tool")]
    Task<IApiResponse<AlignmentView>> GetAlignment(string authority, CancellationToken cancellationToken = default);

    [Get("/{authority}/cases/risk-tool/{version}")]
    Task<IApiResponse<RiskToolView>> GetRiskTool(string authority, string version, CancellationToken cancellationToken = default);

    [Get("/{authority}/tracking")]
    Task<IApiResponse<TrackedCaseView[]>> ListTracked(string authority, [Query] bool? includeClosed = null, CancellationToken cancellationToken = default);

    [Get("/{authority}/tracking/{caseId}")]
    Task<IApiResponse<TrackedCaseView>> GetTracked(string authority, Guid caseId, CancellationToken cancellationToken = default);

    [Post("/{authority}/tracking/{caseId}/close")]
    Task<IApiResponse<TrackedCaseView>> CloseTracked(
        string authority, Guid caseId, [Body] ClosureRequest request, [Header("If-Match")] string? ifMatch = null,
        CancellationToken cancellationToken = default);

    /// <summary>A person, place or vehicle of concern; the force covering the area is alerted. 201; 422 naming the field.</summary>
    [Post("/{authority}/intelligence")]
    Task<IApiResponse<IntelligenceReportView>> ReportIntelligence(
        string authority, [Body] ReportIntelligenceRequest request, CancellationToken cancellationToken = default);

    [Get("/{authority}/intelligence")]
    Task<IApiResponse<IntelligenceReportView[]>> ListIntelligence(string authority, CancellationToken cancellationToken = default);
}
