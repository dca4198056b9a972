using InfiniteSecurity.Application.Siem.Common;
using MediatR;

namespace InfiniteSecurity.Application.Siem.ListSecurityEvents;

internal sealed class ListSecurityEventsHandler(ISecurityEventStream stream) : IRequestHandler<ListSecurityEventsQuery, SecurityEventPage>
{
    public async Task<SecurityEventPage> Handle(ListSecurityEventsQuery request, CancellationToken cancellationToken)
    {
        StreamCursor.TryDecode(request.Cursor, out var after);
        // No cursor means "from the oldest event still kept": only a cursor that was handed out can have lost events.
        if (!string.IsNullOrEmpty(request.Cursor)
            && await stream.HorizonAsync(cancellationToken).ConfigureAwait(false) is { } horizon && after.IsBefore(horizon.Xact, horizon.Position))
        {
            throw new CursorExpiredException();
        }

        var window = (request.Since?.UtcDateTime, request.Until?.UtcDateTime);
        var rows = await stream.ReadAfterAsync(after, request.Limit + 1, request.TypeList, cancellationToken, window).ConfigureAwait(false);
        var events = rows.Take(request.Limit).Select(SecurityEventMapping.ToView).ToList();
        var next = events.Count == 0 ? after : events[^1].Cursor;
        return new SecurityEventPage(events, next.Encode(), rows.Count > request.Limit);
    }
}
