using Refit;
using Regional.Api.Region;

namespace Regional.Client;

/// <summary>The region's risk tool alignment, through the gateway's <c>/region</c>; changes need the coordinator.</summary>
public interface IRegionApi
{
    [Get("/region/risk-tool/alignment")]
    Task<IApiResponse<AlignmentResponse>> GetAlignment(CancellationToken cancellationToken = default);

    [Put("/region/risk-tool/alignment")]
    Task<IApiResponse<AlignmentResponse>> SetAlignment([Body] AlignmentRequest request, CancellationToken cancellationToken = default);

    [Post("/region/risk-tool/versions/{version}/align")]
    Task<IApiResponse<AlignmentResponse>> AlignVersion(string version, CancellationToken cancellationToken = default);

    [Post("/region/risk-tool/versions/{version}/retire")]
    Task<IApiResponse<AlignmentResponse>> RetireVersion(string version, CancellationToken cancellationToken = default);
}
