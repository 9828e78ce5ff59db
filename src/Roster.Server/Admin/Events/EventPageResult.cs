using System.Globalization;
using System.Text;
using Roster.Directory.Events;

namespace Roster.Server.Admin.Events;

/// <summary>
/// A feed page as JSON, <c>{"events":[...],"next":"...","head":"..."}</c>, written from the events'
/// stored JSON without parsing it again: the feed's readers are throughput-bound.
/// </summary>
public sealed class EventPageResult(EventPage page) : IResult
{
    public EventPage Page { get; } = page;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        var text = new StringBuilder(64 + Page.Events.Sum(e => e.Json.Length + 1));
        text.Append("{\"events\":[");
        text.AppendJoin(',', Page.Events.Select(e => e.Json));
        text.Append("],\"next\":\"").Append(Page.Next.ToString(CultureInfo.InvariantCulture))
            .Append("\",\"head\":\"").Append(Page.Head.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        await httpContext.Response.WriteAsync(text.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
