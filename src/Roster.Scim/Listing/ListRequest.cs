using Roster.Scim.Projection;

namespace Roster.Scim.Listing;

/// <summary>
/// A parsed list (<c>GET /Users?...</c>) or search (<c>POST /Users/.search</c>) request: which
/// resources and which page (<see cref="Query"/>), and which of their attributes to return
/// (<see cref="Projection"/>).
/// </summary>
/// <param name="Query">Filter, sort and paging.</param>
/// <param name="Projection">The <c>attributes</c> or <c>excludedAttributes</c> to apply to each resource.</param>
public sealed record ListRequest(ListQuery Query, AttributeProjection Projection);
