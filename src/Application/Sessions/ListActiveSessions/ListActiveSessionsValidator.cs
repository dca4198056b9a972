using FluentValidation;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

internal sealed class ListActiveSessionsValidator : AbstractValidator<ListActiveSessionsQuery>
{
    public ListActiveSessionsValidator()
    {
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListActiveSessionsQuery.MaxPageSize).OverridePropertyName("page_size");
        RuleFor(q => q.User).MaximumLength(User.MaxUserNameLength).OverridePropertyName("user");
        RuleFor(q => q.Cursor).Must(c => c is null || SessionCursor.TryDecode(c, out _))
            .WithMessage("'cursor' is not a cursor this list returned; start again without it.").OverridePropertyName("cursor");
    }
}
