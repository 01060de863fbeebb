package io.decisionledger.interfaces.goal.rest;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.Page;
import io.decisionledger.application.goal.GoalDraft;
import io.decisionledger.application.goal.GoalQuery;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.GoalSummary;
import io.decisionledger.application.goal.ItemDraft;
import io.decisionledger.application.goal.OrderDraft;
import io.decisionledger.application.goal.ProofDraft;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.interfaces.experiment.rest.Dtos.PageDto;
import io.decisionledger.interfaces.goal.rest.GoalDtos.GoalDto;
import io.decisionledger.interfaces.goal.rest.GoalDtos.GoalItemDto;
import io.decisionledger.interfaces.goal.rest.GoalDtos.GoalSummaryDto;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Learning and success goals, their checklists, and the proofs of the items. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Path("v1/goals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Learning and success goals: checklists whose items are proven"
    + " by decisions or experiments, or ticked by hand with a note")
@APIResponse(responseCode = "400", description = "Invalid input",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown goal or item",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Changed by someone else meanwhile",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class GoalResource {

  private static final String ITEM = "{id}/items/{itemId: [0-9]+}";

  @Inject GoalService goals;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List goals with their progress, paged on the server",
      description = "Progress is counted by the database in the page query.")
  @APIResponse(responseCode = "200", description = "OK")
  public PageDto<GoalSummaryDto> list(
      @Parameter(description = "LEARNING or SUCCESS") @QueryParam("kind") String kind,
      @Parameter(description = "createdAt (the order written), title, kind, targetDate, progress"
          + " or updatedAt") @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @Parameter(description = "asc or desc") @QueryParam("order") @DefaultValue("asc") String order,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (offset < 0) {
      throw DomainException.InvalidInput.of("offset", "offset must not be negative");
    }
    if (limit < 1 || limit > GoalQuery.MAX_LIMIT) {
      throw DomainException.InvalidInput.of("limit",
          "limit must be between 1 and " + GoalQuery.MAX_LIMIT);
    }
    if (!"asc".equals(order) && !"desc".equals(order)) {
      throw DomainException.InvalidInput.of("order", "order must be asc or desc");
    }
    Page<GoalSummary> page = goals.list(
        new GoalQuery(parseKind(kind), sort, "asc".equals(order), offset, limit));
    return new PageDto<>(page.items().stream().map(GoalSummaryDto::of).toList(), page.total(),
        page.offset(), page.limit());
  }

  static GoalKind parseKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return GoalKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.InvalidInput.of("kind", "kind must be LEARNING or SUCCESS");
    }
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Operation(summary = "Write a goal, optionally with its checklist",
      description = "The kind is LEARNING unless given. Items given here are appended in order;"
          + " an item with done=true needs a note.")
  @APIResponse(responseCode = "201", description = "Created")
  public Response create(GoalDraft draft) {
    GoalDto created = GoalDto.of(goals.create(draft));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One goal: its checklist with proofs, its progress, its description"
      + " rendered to sanitised HTML")
  @APIResponse(responseCode = "200", description = "OK")
  public GoalDto get(@PathParam("id") long id) {
    return GoalDto.of(goals.get(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path("{id}")
  @Operation(summary = "Change a goal's title, description, kind or target date",
      description = "The checklist is changed through …/items; an items list here is ignored.")
  @APIResponse(responseCode = "200", description = "OK")
  public GoalDto update(@PathParam("id") long id, GoalDraft draft) {
    return GoalDto.of(goals.update(id, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a goal and its checklist",
      description = "The decisions and experiments its items link stay.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    goals.delete(id);
    return Response.noContent().build();
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Path("{id}/items")
  @Operation(summary = "Append an item to the checklist",
      description = "Refused when the text is already on the checklist (ignoring case), the"
          + " checklist is full, or done=true comes without a note.")
  @APIResponse(responseCode = "201", description = "Created")
  public Response addItem(@PathParam("id") long id, ItemDraft draft) {
    GoalItem item = goals.addItem(id, draft);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(item.getId())).build())
        .entity(GoalItemDto.of(item)).build();
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path("{id}/items/order")
  @Operation(summary = "Reorder the checklist",
      description = "itemIds names every item of the checklist exactly once, first to last.")
  @APIResponse(responseCode = "200", description = "The goal in its new order")
  public GoalDto reorder(@PathParam("id") long id, OrderDraft draft) {
    return GoalDto.of(goals.reorder(id, draft));
  }

  @GET
  @Path(ITEM)
  @Operation(summary = "One item of the checklist")
  @APIResponse(responseCode = "200", description = "OK")
  public GoalItemDto item(@PathParam("id") long id, @PathParam("itemId") long itemId) {
    return GoalItemDto.of(goals.item(id, itemId));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path(ITEM)
  @Operation(summary = "Change an item's text, or tick it by hand (done=true with a note) or"
      + " untick it")
  @APIResponse(responseCode = "200", description = "OK")
  public GoalItemDto updateItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
      ItemDraft draft) {
    return GoalItemDto.of(goals.updateItem(id, itemId, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Path(ITEM)
  @Operation(summary = "Remove an item; the ones after it move up")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response removeItem(@PathParam("id") long id, @PathParam("itemId") long itemId) {
    goals.removeItem(id, itemId);
    return Response.noContent().build();
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path(ITEM + "/proof")
  @Operation(summary = "Link the decision or the experiment that proves the item",
      description = "Exactly one of decisionId and experimentId; replaces an earlier proof. A"
          + " decision or experiment that does not exist is a 400 naming the field.")
  @APIResponse(responseCode = "200", description = "The item, proven")
  public GoalItemDto prove(@PathParam("id") long id, @PathParam("itemId") long itemId,
      ProofDraft draft) {
    return GoalItemDto.of(goals.prove(id, itemId, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Path(ITEM + "/proof")
  @Operation(summary = "Unlink the item's proof",
      description = "The item stays; it remains complete only if it was also ticked by hand.")
  @APIResponse(responseCode = "204", description = "Unlinked")
  public Response unprove(@PathParam("id") long id, @PathParam("itemId") long itemId) {
    goals.unprove(id, itemId);
    return Response.noContent().build();
  }
}
