using FluentValidation;
using InfiniteSecurity.Application.Common.Exceptions;
using MediatR;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the request; any failure stops the request with a 400.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw new RequestValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}
