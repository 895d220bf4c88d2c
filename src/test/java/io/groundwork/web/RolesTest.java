package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Roles decide workspaces and actions, on the server, separately from access groups. */
@QuarkusTest
@Tag("app")
class RolesTest {
  private static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pass");
  }

  @Test
  void meListsRolesAndTheWorkspacesTheyOpen() {
    as("bob").when().get("/api/me").then().statusCode(200)
        .body("roles", contains("employee"))
        .body("workspaces.name", contains("ask"))
        .body("signOutUrl", equalTo(null));
    as("sam").when().get("/api/me").then().statusCode(200)
        .body("roles", contains("employee", "agent"))
        .body("groups", contains("everyone", "support"))
        .body("workspaces.name", contains("ask", "drafts"))
        .body("workspaces.path", contains("/", "/drafts.html"));
    as("erin").when().get("/api/me").then().statusCode(200)
        .body("roles", contains("employee", "auditor", "admin"))
        .body("groups", contains("everyone"))
        .body("workspaces.name", contains("ask", "audit", "admin"));
  }

  @Test
  void theServerChecksTheRoleOfEveryWorkspaceApi() {
    for (String user : new String[] {"bob", "alice", "sam"}) {
      as(user).when().get("/api/audit").then().statusCode(403).contentType(ContentType.JSON)
          .body("status", equalTo(403));
      as(user).when().get("/api/ingest/runs").then().statusCode(403);
      as(user).contentType(ContentType.JSON).body(Map.of("source", "samples"))
          .when().post("/api/ingest/runs").then().statusCode(403);
    }
    as("erin").when().get("/api/audit?limit=1").then().statusCode(200);
    as("erin").when().get("/api/ingest/runs").then().statusCode(200);
  }

  @Test
  void workspacePagesNeedTheirRole() {
    as("bob").when().get("/admin.html").then().statusCode(403);
    as("sam").when().get("/admin.html").then().statusCode(403);
    as("erin").when().get("/admin.html").then().statusCode(200)
        .contentType(ContentType.HTML);
    given().when().get("/admin.html").then().statusCode(401);
    as("bob").when().get("/").then().statusCode(200);
  }
}
