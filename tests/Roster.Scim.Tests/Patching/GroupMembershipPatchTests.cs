using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Patching;
using Roster.Scim.Tests.Resources;

namespace Roster.Scim.Tests.Patching;

public sealed class GroupMembershipPatchTests
{
    private static GroupPatchPlan Split(string operationsJson)
    {
        var operations = PatchRequestReader.Read(JsonNode.Parse($$"""{"Operations": {{operationsJson}}}""")).GetValueOrThrow();
        var plan = GroupMembershipPatch.Split(operations);
        Assert.True(plan.IsSuccess, plan.Error?.Detail);
        return plan.Value;
    }

    private static ScimError Fail(string operationsJson)
    {
        var operations = PatchRequestReader.Read(JsonNode.Parse($$"""{"Operations": {{operationsJson}}}""")).GetValueOrThrow();
        var plan = GroupMembershipPatch.Split(operations);
        Assert.False(plan.IsSuccess);
        return plan.Error;
    }

    [Fact]
    public void Add_members_path_becomes_add_members()
    {
        var plan = Split("""[{"op": "add", "path": "members", "value": [{"value": "u1"}, {"value": "g1", "type": "Group"}]}]""");
        Assert.Empty(plan.AttributeOperations);
        var add = Assert.IsType<AddMembers>(Assert.Single(plan.MembershipChanges));
        Assert.Equal([new MemberReference("u1"), new MemberReference("g1", "Group")], add.Members);
    }

    [Fact]
    public void Okta_add_member_with_display_keeps_only_the_id()
    {
        // Okta SCIM 2.0 guide: {"op": "add", "path": "members", "value": [{"value": "id", "display": "x"}]}
        var plan = Split("""[{"op": "add", "path": "members", "value": [{"value": "id", "display": "x"}]}]""");
        Assert.Equal([new MemberReference("id")], Assert.IsType<AddMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Entra_add_member_with_null_ref_and_capitalised_op()
    {
        var plan = Split("""[{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "f648f8d5ea4e4cd38e9c"}]}]""");
        Assert.Equal([new MemberReference("f648f8d5ea4e4cd38e9c")], Assert.IsType<AddMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Member_type_is_written_in_its_canonical_case()
    {
        var plan = Split("""[{"op": "add", "path": "members", "value": [{"value": "u1", "type": "user"}]}]""");
        Assert.Equal("User", Assert.IsType<AddMembers>(plan.MembershipChanges[0]).Members[0].Type);
    }

    [Fact]
    public void Same_member_twice_in_one_add_is_listed_once()
    {
        var plan = Split("""[{"op": "add", "path": "members", "value": [{"value": "u1"}, {"value": "u1"}]}]""");
        Assert.Single(Assert.IsType<AddMembers>(plan.MembershipChanges[0]).Members);
    }

    [Fact]
    public void Add_without_path_with_members_becomes_add_members()
    {
        var plan = Split("""[{"op": "add", "value": {"members": [{"value": "u1"}]}}]""");
        Assert.Empty(plan.AttributeOperations);
        Assert.Equal([new MemberReference("u1")], Assert.IsType<AddMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Replace_without_path_with_display_name_and_members_is_split_in_two()
    {
        var plan = Split("""[{"op": "replace", "value": {"displayName": "x", "members": [{"value": "u1"}]}}]""");
        var attributes = Assert.Single(plan.AttributeOperations);
        Assert.Equal(PatchOperationType.Replace, attributes.Type);
        Assert.Null(attributes.Path);
        JsonAssert.Equal("""{"displayName": "x"}""", attributes.Value);
        Assert.Equal([new MemberReference("u1")], Assert.IsType<ReplaceMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Members_key_without_path_ignores_case_and_accepts_the_core_urn()
    {
        var plan = Split("""
            [{"op": "add", "value": {"MEMBERS": [{"value": "u1"}]}},
             {"op": "add", "value": {"urn:ietf:params:scim:schemas:core:2.0:Group:members": [{"value": "u2"}]}}]
            """);
        Assert.Empty(plan.AttributeOperations);
        Assert.Equal(2, plan.MembershipChanges.Count);
    }

    [Fact]
    public void Single_member_object_without_path_is_read_as_a_list_of_one()
    {
        var plan = Split("""[{"op": "add", "value": {"members": {"value": "u1"}}}]""");
        Assert.Equal([new MemberReference("u1")], Assert.IsType<AddMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Okta_group_rename_with_id_stays_an_attribute_operation()
    {
        var plan = Split("""[{"op": "replace", "value": {"id": "abf4dd94", "displayName": "Test SCIMv2"}}]""");
        Assert.Single(plan.AttributeOperations);
        Assert.Empty(plan.MembershipChanges);
    }

    [Fact]
    public void Entra_remove_member_by_filter_becomes_remove_members()
    {
        var plan = Split("""[{"op": "Remove", "path": "members[value eq \"id\"]"}]""");
        Assert.Equal(["id"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MembershipChanges)).MemberIds);
    }

    [Fact]
    public void Remove_members_with_or_of_ids_becomes_one_remove_members()
    {
        var plan = Split("""[{"op": "remove", "path": "members[value eq \"a\" or value eq \"b\" or VALUE eq \"c\"]"}]""");
        Assert.Equal(["a", "b", "c"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MembershipChanges)).MemberIds);
    }

    [Fact]
    public void Remove_members_with_other_filter_keeps_the_filter()
    {
        var plan = Split("""[{"op": "remove", "path": "members[type eq \"Group\"]"}]""");
        var matching = Assert.IsType<RemoveMembersMatching>(Assert.Single(plan.MembershipChanges));
        Assert.Equal("type", Assert.IsType<ComparisonFilter>(matching.Filter).Attribute.Name);
    }

    [Fact]
    public void Remove_members_with_mixed_filter_keeps_the_filter() =>
        Assert.IsType<RemoveMembersMatching>(Split("""[{"op": "remove", "path": "members[value eq \"a\" or type eq \"Group\"]"}]""").MembershipChanges[0]);

    [Fact]
    public void Remove_members_listed_in_value_becomes_remove_members()
    {
        // Okta and Entra ID: {"op": "remove", "path": "members", "value": [{"value": "id"}, ...]}
        var plan = Split("""[{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "a"}, {"value": "b"}]}]""");
        Assert.Equal(["a", "b"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MembershipChanges)).MemberIds);
    }

    [Fact]
    public void Remove_members_without_value_removes_all() =>
        Assert.IsType<RemoveAllMembers>(Assert.Single(Split("""[{"op": "remove", "path": "members"}]""").MembershipChanges));

    [Fact]
    public void Replace_members_becomes_replace_members()
    {
        var plan = Split("""[{"op": "replace", "path": "members", "value": [{"value": "a"}, {"value": "b"}]}]""");
        Assert.Equal(
            [new MemberReference("a"), new MemberReference("b")],
            Assert.IsType<ReplaceMembers>(Assert.Single(plan.MembershipChanges)).Members);
    }

    [Fact]
    public void Replace_members_with_empty_list_removes_everyone() =>
        Assert.Empty(Assert.IsType<ReplaceMembers>(Split("""[{"op": "replace", "path": "members", "value": []}]""").MembershipChanges[0]).Members);

    [Fact]
    public void Urn_qualified_members_path_is_recognised() =>
        Assert.IsType<AddMembers>(Split("""[{"op": "add", "path": "urn:ietf:params:scim:schemas:core:2.0:Group:members", "value": [{"value": "a"}]}]""").MembershipChanges[0]);

    [Fact]
    public void Order_is_kept_within_each_part()
    {
        var plan = Split("""
            [{"op": "remove", "path": "members"},
             {"op": "replace", "path": "displayName", "value": "one"},
             {"op": "add", "path": "members", "value": [{"value": "a"}]},
             {"op": "replace", "path": "externalId", "value": "two"},
             {"op": "remove", "path": "members[value eq \"a\"]"}]
            """);
        Assert.Equal(["displayName", "externalId"], plan.AttributeOperations.Select(o => o.Path!.Attribute.Name));
        Assert.Collection(
            plan.MembershipChanges,
            c => Assert.IsType<RemoveAllMembers>(c),
            c => Assert.IsType<AddMembers>(c),
            c => Assert.IsType<RemoveMembers>(c));
    }

    [Fact]
    public void Add_of_empty_member_list_without_path_changes_nothing()
    {
        var plan = Split("""[{"op": "add", "value": {"members": []}}]""");
        Assert.Empty(plan.AttributeOperations);
        Assert.Empty(plan.MembershipChanges);
    }

    [Theory]
    [InlineData("""[{"op": "add", "path": "members", "value": [{"value": ""}]}]""")]
    [InlineData("""[{"op": "add", "path": "members", "value": [{"value": "   "}]}]""")]
    [InlineData("""[{"op": "add", "path": "members", "value": [{"value": 42}]}]""")]
    [InlineData("""[{"op": "add", "path": "members", "value": [{"display": "no id"}]}]""")]
    [InlineData("""[{"op": "add", "path": "members", "value": ["u1"]}]""")]
    [InlineData("""[{"op": "replace", "value": {"members": [{"value": null}]}}]""")]
    [InlineData("""[{"op": "remove", "path": "members", "value": [{"value": ""}]}]""")]
    [InlineData("""[{"op": "remove", "path": "members[value eq \"\"]"}]""")]
    [InlineData("""[{"op": "add", "path": "members", "value": [{"value": "u1", "type": "Robot"}]}]""")]
    public void Member_value_that_is_not_a_non_empty_id_is_invalid_value(string operations) =>
        Assert.Equal(ScimErrorTypes.InvalidValue, Fail(operations).ScimType);

    [Theory]
    [InlineData("""[{"op": "replace", "path": "members[value eq \"a\"].display", "value": "x"}]""")]
    [InlineData("""[{"op": "replace", "path": "members.value", "value": "x"}]""")]
    [InlineData("""[{"op": "add", "path": "members[value eq \"a\"]", "value": {"value": "a"}}]""")]
    [InlineData("""[{"op": "replace", "value": {"members[value eq \"a\"].display": "x"}}]""")]
    public void Member_paths_storage_cannot_apply_are_invalid_path(string operations) =>
        Assert.Equal(ScimErrorTypes.InvalidPath, Fail(operations).ScimType);
}
