using Refit;
using Regional.Api.Placements;

namespace Regional.Client;

/// <summary>
/// Placements (as the placing authority) and the register (as the host), through the gateway's
/// <c>/{authority}/placements</c> and <c>/{authority}/register</c>. Single items come back as
/// <see cref="IApiResponse{T}"/> so the caller can read the ETag, the Location and any problem details.
/// </summary>
public interface IPlacementsApi
{
    [Post("/{authority}/placements")]
    Task<IApiResponse<PlacementView>> RecordPlacement(string authority, [Body] RecordPlacementRequest request, CancellationToken cancellationToken = default);

    [Post("/{authority}/placements/batch")]
    Task<IApiResponse<RecordPlacementsResponse>> RecordPlacements(
        string authority, [Body] IReadOnlyList<RecordPlacementRequest> requests, CancellationToken cancellationToken = default);

    /// <param name="status">A notification status (e.g. <c>overdue</c>) to keep only placements with one in it.</param>
    [Get("/{authority}/placements")]
    Task<IApiResponse<PlacementView[]>> ListPlacements(
        string authority, [Query] string? status = null, [Query] int? limit = null, CancellationToken cancellationToken = default);

    [Get("/{authority}/placements/{id}")]
    Task<IApiResponse<PlacementView>> GetPlacement(string authority, Guid id, CancellationToken cancellationToken = default);

    /// <param name="ifMatch">The ETag last read; a stale one is refused with 412 rather than ending a placement changed since.</param>
    [Post("/{authority}/placements/{id}/end")]
    Task<IApiResponse<PlacementView>> EndPlacement(
        string authority, Guid id, [Body] EndPlacementRequest request, [Header("If-Match")] string? ifMatch = null,
        CancellationToken cancellationToken = default);

    /// <remarks>202 once it may go; 422 naming the missing basis when no consent or override holds (the message is then held and goes once one is recorded).</remarks>
    [Post("/{authority}/placements/{id}/share")]
    Task<IApiResponse<ShareChildDetailsResponse>> ShareChildDetails(
        string authority, Guid id, [Body] ShareChildDetailsRequest request, CancellationToken cancellationToken = default);

    [Get("/{authority}/placements/{id}/missing")]
    Task<IApiResponse<MissingEpisodeView[]>> ListMissing(string authority, Guid id, CancellationToken cancellationToken = default);

    /// <remarks>The host passes on a report; 202 with the episode id the placing authority records it under.</remarks>
    [Post("/{authority}/register/{placementId}/missing")]
    Task<IApiResponse<MissingReportPassedOnView>> ReportMissingAsHost(
        string authority, Guid placementId, [Body] ReportMissingRequest request, CancellationToken cancellationToken = default);

    /// <remarks>201; 409 while an episode is open or once the placement has ended.</remarks>
    [Post("/{authority}/placements/{id}/missing")]
    Task<IApiResponse<MissingEpisodeView>> ReportMissing(
        string authority, Guid id, [Body] ReportMissingRequest request, CancellationToken cancellationToken = default);

    [Post("/{authority}/placements/{id}/missing/{episodeId}/update")]
    Task<IApiResponse<MissingEpisodeView>> UpdateMissing(
        string authority, Guid id, Guid episodeId, [Body] UpdateMissingRequest request, CancellationToken cancellationToken = default);

    [Post("/{authority}/placements/{id}/missing/{episodeId}/return")]
    Task<IApiResponse<MissingEpisodeView>> RecordReturn(
        string authority, Guid id, Guid episodeId, [Body] RecordReturnRequest request, CancellationToken cancellationToken = default);

    [Post("/{authority}/placements/{id}/missing/{episodeId}/return-home-interview")]
    Task<IApiResponse<MissingEpisodeView>> RecordReturnHomeInterview(
        string authority, Guid id, Guid episodeId, [Body] ReturnHomeInterviewRequest request, CancellationToken cancellationToken = default);

    [Get("/{authority}/register")]
    Task<IApiResponse<RegisterEntryView[]>> ListRegister(
        string authority, [Query] bool? awaitingAcknowledgement = null, [Query] bool? includeEnded = null, [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    [Get("/{authority}/register/{placementId}")]
    Task<IApiResponse<RegisterEntryView>> GetRegisterEntry(string authority, Guid placementId, CancellationToken cancellationToken = default);

    [Post("/{authority}/register/{placementId}/acknowledge")]
    Task<IApiResponse<RegisterEntryView>> AcknowledgeNotices(string authority, Guid placementId, CancellationToken cancellationToken = default);
}
