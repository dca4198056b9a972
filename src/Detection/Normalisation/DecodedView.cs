namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// One decoded rendering of the input. <see cref="Name"/> lists the decoders that produced it (e.g. <c>url+html</c>),
/// so a finding can say exactly which view it matched in and a reviewer can reproduce the span.
/// </summary>
internal sealed record DecodedView(string Name, string Text);
