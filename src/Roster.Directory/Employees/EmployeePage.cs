namespace Roster.Directory.Employees;

/// <summary>One page of a tenant's employees, ordered by userName.</summary>
/// <param name="Employees">The page's employees.</param>
/// <param name="TotalCount">How many employees match, over all pages.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
public sealed record EmployeePage(IReadOnlyList<Employee> Employees, int TotalCount, int Page, int PageSize);
