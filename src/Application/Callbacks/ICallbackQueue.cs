namespace InfiniteSecurity.Application.Callbacks;

/// <summary>A result to POST to a checked callback URL.</summary>
/// <param name="Id">The analysis id; the caller got it in the 202 answer.</param>
/// <param name="Url">A URL that passed <see cref="CallbackTargets.Refusal"/>.</param>
/// <param name="Body">The JSON body, exactly as the synchronous answer would have been.</param>
public sealed record CallbackDelivery(Guid Id, Uri Url, ReadOnlyMemory<byte> Body);

/// <summary>Hands deliveries to the background sender.</summary>
public interface ICallbackQueue
{
    /// <summary>False when the queue is full: the caller answers 503 rather than wait.</summary>
    bool TryEnqueue(CallbackDelivery delivery);
}
