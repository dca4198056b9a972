using FluentValidation.Results;

namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>The request's shape is invalid; carries the errors per field. Mapped to 400 ValidationProblemDetails.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation failures have occurred.")
    {
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    public IDictionary<string, string[]> Errors { get; }
}
