using Refit;
using Regional.Api.Consent;

namespace Regional.Client;

/// <summary>
/// A child's consent record, safeguarding overrides and "who saw what", through the gateway's
/// <c>/{authority}/consent/children/{childId}</c>.
/// </summary>
public interface IConsentApi
{
    [Get("/{authority}/consent/children/{childId}")]
    Task<IApiResponse<ConsentRecordView>> GetRecord(string authority, string childId, CancellationToken cancellationToken = default);

    /// <remarks>201; 409 for a withdrawal with nothing in force to withdraw; 422 naming the field.</remarks>
    [Post("/{authority}/consent/children/{childId}/decisions")]
    Task<IApiResponse<DecisionRecordedView>> RecordDecision(
        string authority, string childId, [Body] RecordDecisionRequest request, CancellationToken cancellationToken = default);

    /// <remarks>A CRE coordinator or manager only (403 for a practitioner).</remarks>
    [Post("/{authority}/consent/children/{childId}/overrides")]
    Task<IApiResponse<OverrideRecordedView>> RecordOverride(
        string authority, string childId, [Body] RecordOverrideRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every disclosure and read about the child, in time order (CRE coordinator or manager).</summary>
    [Get("/{authority}/consent/children/{childId}/access")]
    Task<IApiResponse<AccessEntryView[]>> GetAccess(string authority, string childId, CancellationToken cancellationToken = default);
}
