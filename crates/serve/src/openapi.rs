//! The OpenAPI 3.1 document at `/api/v1/openapi.json`, built from the
//! route table [`ENDPOINTS`] that the router is checked against in tests.
//!
//! Written with `serde_json` rather than utoipa: the response types live in
//! `storyline-core` (which stays free of HTTP crates), so utoipa's derives
//! could not reach them without adding an HTTP dependency there.

use serde_json::{Value, json};

/// One API endpoint as documented.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    /// HTTP method, lowercase.
    pub method: &'static str,
    /// Path with `{id}` parameters.
    pub path: &'static str,
    /// One line on what it does.
    pub summary: &'static str,
    /// Name of the response schema in `components`.
    pub response: &'static str,
    /// True when it takes `limit` and `offset`.
    pub paged: bool,
}

/// Every endpoint under `/api/v1/`.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/api/v1/stories",
        summary: "Stories, most recently active first (like `storyline stories --json`). Filters: outlet, entity (name or alias), category, from, to (YYYY-MM-DD).",
        response: "StorySummaryList",
        paged: true,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/stories/{id}",
        summary: "One story with its articles and timeline (like `storyline story ID --json`). The id of a story merged into another answers 308 Permanent Redirect to the survivor's address.",
        response: "StoryDetail",
        paged: false,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/articles",
        summary: "Articles in publication order (like `storyline articles --json`).",
        response: "ArticleSummaryList",
        paged: true,
    },
    Endpoint {
        method: "post",
        path: "/api/v1/articles",
        summary: "Ingest articles: a JSON article or array (application/json), or the raw text of one article in a format the CLI reads. Needs a bearer token.",
        response: "IngestReport",
        paged: false,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/articles/{id}",
        summary: "One article with its text and metadata.",
        response: "ArticleDetail",
        paged: false,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/articles/{id}/explain",
        summary: "Why an article is in its story: the story it joined or founded, its score against the threshold, and the similarity components of the best and runner-up stories (like `storyline explain ID --json`); a copy explains its original.",
        response: "ArticleExplanation",
        paged: false,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/claims",
        summary: "Every reported figure (like `storyline claims --json`); `story` (an id or id prefix) keeps one story's.",
        response: "ClaimList",
        paged: true,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/entities",
        summary: "People, organizations and places with aliases and mentions (like `storyline entities --json`); `story` keeps one story's.",
        response: "EntityList",
        paged: true,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/entities/{name}",
        summary: "One entity, by name or alias (any case), with the stories it appears in.",
        response: "EntityDetail",
        paged: false,
    },
    Endpoint {
        method: "get",
        path: "/api/v1/search",
        summary: "Full-text search; every word of q must match (like `storyline search --json`).",
        response: "SearchHitList",
        paged: true,
    },
];

fn nullable(kind: &str) -> Value {
    json!({ "type": [kind, "null"] })
}

fn time() -> Value {
    json!({ "type": ["string", "null"], "format": "date-time" })
}

fn strings() -> Value {
    json!({ "type": "array", "items": { "type": "string" } })
}

/// `explain ID --json`: the article, its story, and the assignment (of its
/// original, for a copy) with the best and runner-up candidates.
fn article_explanation() -> Value {
    let story_ref = json!({
        "type": "object", "required": ["id", "title"],
        "properties": { "id": { "type": "string" }, "title": nullable("string") }
    });
    let number = json!({ "type": "number" });
    let candidate = json!({
        "type": ["object", "null"], "required": ["story", "score", "components"],
        "properties": {
            "story": story_ref, "score": number,
            "components": {
                "type": "object",
                "properties": {
                    "text": number, "names": number, "nearest_text": number,
                    "nearest_names": number, "headline_names": number, "figures": number,
                    "gap_days": number, "foreign": { "type": "boolean" }, "brevity": number,
                    "caseless": { "type": "boolean" }
                }
            }
        }
    });
    json!({
        "type": "object", "required": ["article", "title", "duplicate_of", "story", "assignment"],
        "properties": {
            "article": { "type": "string" }, "title": { "type": "string" },
            "duplicate_of": {
                "type": ["object", "null"], "required": ["id", "title"],
                "properties": { "id": { "type": "string" }, "title": { "type": "string" } }
            },
            "story": { "oneOf": [story_ref, { "type": "null" }] },
            "assignment": {
                "type": ["object", "null"],
                "required": ["article", "story", "founded", "score", "threshold", "best", "runner_up"],
                "properties": {
                    "article": { "type": "string" }, "story": story_ref,
                    "founded": { "type": "boolean" }, "score": number, "threshold": number,
                    "best": candidate, "runner_up": candidate
                }
            }
        }
    })
}

fn schemas() -> Value {
    let article_summary = json!({
        "type": "object",
        "required": ["id", "title", "published_at_approximate"],
        "properties": {
            "id": { "type": "string" }, "path": nullable("string"), "title": { "type": "string" },
            "lead": nullable("string"), "source_domain": nullable("string"), "url": nullable("string"),
            "published_at": time(), "published_at_approximate": { "type": "boolean" },
            "language": nullable("string"), "duplicate_of": nullable("string"), "story": nullable("string")
        }
    });
    let mut article_detail = article_summary.clone();
    if let Some(props) = article_detail["properties"].as_object_mut() {
        props.insert("body".into(), json!({ "type": "string" }));
        props.insert("authors".into(), strings());
        props.insert("categories".into(), strings());
        props.insert("image".into(), nullable("string"));
        props.insert("duplicates".into(), strings());
        props.insert(
            "extra".into(),
            json!({ "type": "object", "description": "Input fields Storyline does not interpret, kept as given, and ingestion's notes (`extraction_limit`: why the text was extracted with less than the usual means)." }),
        );
        props.insert(
            "entities".into(),
            json!({ "type": "array", "items": { "$ref": "#/components/schemas/Entity" } }),
        );
        props.insert(
            "claims".into(),
            json!({ "type": "array", "items": { "$ref": "#/components/schemas/Claim" } }),
        );
    }
    let entity = json!({
        "type": "object", "required": ["name", "kind", "aliases", "mentions"],
        "properties": {
            "name": { "type": "string" },
            "kind": { "type": "string", "enum": ["person", "organization", "place", "unknown"] },
            "aliases": strings(), "mentions": { "type": "integer", "minimum": 0 }
        }
    });
    let mut entity_detail = entity.clone();
    if let Some(props) = entity_detail["properties"].as_object_mut() {
        props.insert(
            "stories".into(),
            json!({ "type": "array", "items": { "$ref": "#/components/schemas/StorySummary" } }),
        );
    }
    let claim = json!({
        "type": "object", "required": ["id", "kind", "text", "article", "source", "sentence", "span"],
        "properties": {
            "id": { "type": "string" }, "kind": { "type": "string" }, "text": { "type": "string" },
            "amount": { "type": ["object", "null"] }, "quantity": { "type": ["object", "null"] },
            "subject": nullable("string"), "holder": nullable("string"), "counterparty": nullable("string"),
            "status": nullable("string"), "attributed_to": nullable("string"),
            "article": { "type": "string" }, "source": { "type": "string" }, "published_at": time(),
            "sentence": { "type": "string" },
            "span": { "type": "array", "items": { "type": "integer" }, "minItems": 2, "maxItems": 2 },
            "same_as": nullable("string"), "part_of": nullable("string"),
            "historic": { "type": "boolean" }, "inferred": strings()
        }
    });
    json!({
        "Error": {
            "type": "object", "required": ["message", "code"],
            "properties": {
                "message": { "type": "string" },
                "code": { "type": "string", "enum": ["not_found", "bad_request", "unauthorized", "payload_too_large", "internal"] }
            }
        },
        "ArticleSummary": article_summary,
        "Entity": entity,
        "EntityList": { "type": "array", "items": { "$ref": "#/components/schemas/Entity" } },
        "EntityDetail": entity_detail,
        "Claim": claim,
        "ClaimList": { "type": "array", "items": { "$ref": "#/components/schemas/Claim" } },
        "ArticleSummaryList": { "type": "array", "items": { "$ref": "#/components/schemas/ArticleSummary" } },
        "ArticleDetail": article_detail,
        "ArticleExplanation": article_explanation(),
        "StorySummary": {
            "type": "object", "required": ["id", "title", "article_count", "articles", "outlets"],
            "properties": {
                "id": { "type": "string" }, "title": { "type": "string" },
                "article_count": { "type": "integer", "minimum": 0 },
                "first_published_at": time(), "last_published_at": time(),
                "articles": strings(), "outlets": strings(),
                "independent_sources": { "type": "integer", "minimum": 0 },
                "copies": { "type": "integer", "minimum": 0 },
                "state_of_play": nullable("string"),
                "entities": { "type": "array", "items": { "$ref": "#/components/schemas/Entity" } },
                "categories": strings()
            }
        },
        "StorySummaryList": { "type": "array", "items": { "$ref": "#/components/schemas/StorySummary" } },
        "StoryDetail": {
            "type": "object", "required": ["id", "title", "articles", "timeline"],
            "properties": {
                "id": { "type": "string" }, "title": { "type": "string" },
                "articles": { "type": "array", "items": {
                    "type": "object", "required": ["id", "title"],
                    "properties": {
                        "id": { "type": "string" }, "path": nullable("string"), "title": { "type": "string" },
                        "source_domain": nullable("string"), "url": nullable("string"), "published_at": time()
                    }
                }},
                "timeline": { "type": "array", "items": {
                    "type": "object", "required": ["articles", "headline"],
                    "properties": {
                        "date": { "type": ["string", "null"], "format": "date" },
                        "articles": strings(), "headline": { "type": "string" }
                    }
                }}
            }
        },
        "SearchHit": {
            "type": "object", "required": ["article", "title", "snippet", "score"],
            "properties": {
                "article": { "type": "string" }, "title": { "type": "string" },
                "snippet": { "type": "string", "description": "matches in [ ]" }, "score": { "type": "number" }
            }
        },
        "SearchHitList": { "type": "array", "items": { "$ref": "#/components/schemas/SearchHit" } },
        "ArticleInput": {
            "type": "object", "required": ["title", "body"], "additionalProperties": false,
            "properties": {
                "title": { "type": "string" }, "body": { "type": "string" }, "lead": { "type": "string" },
                "url": { "type": "string" }, "published_at": { "type": "string" },
                "source_domain": { "type": "string" }, "authors": strings(), "categories": strings(),
                "language": { "type": "string" }, "image": { "type": "string" }
            }
        },
        "IngestReport": {
            "type": "object",
            "properties": {
                "read": { "type": "integer" }, "new": { "type": "integer" }, "duplicates": { "type": "integer" },
                "already_stored": { "type": "integer" }, "failed": { "type": "integer" },
                "undated": { "type": "integer" }, "stories": { "type": "integer" },
                "new_stories": { "type": "integer" },
                "articles": { "type": "array", "items": { "type": "object" } },
                "failures": { "type": "array", "items": {
                    "type": "object", "properties": { "path": { "type": "string" }, "reason": { "type": "string" } }
                }}
            }
        }
    })
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    })
}

fn operation(e: &Endpoint) -> Value {
    let mut parameters = Vec::new();
    for name in ["id", "name"] {
        if e.path.contains(&format!("{{{name}}}")) {
            parameters.push(
                json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }),
            );
        }
    }
    if matches!(e.path, "/api/v1/claims" | "/api/v1/entities") {
        parameters.push(json!({ "name": "story", "in": "query", "schema": { "type": "string" } }));
    }
    if e.paged {
        parameters.push(json!({ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": crate::query::MAX_LIMIT, "default": crate::query::DEFAULT_LIMIT } }));
        parameters.push(json!({ "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 0 } }));
    }
    if e.path == "/api/v1/search" {
        parameters.push(
            json!({ "name": "q", "in": "query", "required": true, "schema": { "type": "string" } }),
        );
    }
    if e.path == "/api/v1/stories" {
        for name in ["outlet", "entity", "category", "from", "to"] {
            parameters.push(json!({ "name": name, "in": "query", "schema": { "type": "string" } }));
        }
    }
    let ok = json!({
        "description": "success",
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{}", e.response) } } }
    });
    let mut responses = serde_json::Map::new();
    if e.method == "post" {
        responses.insert("200".into(), ok.clone());
        responses.insert("201".into(), ok);
        responses.insert(
            "401".into(),
            error_response("no or wrong bearer token, or writes disabled"),
        );
        responses.insert("413".into(), error_response("body over the size limit"));
    } else {
        responses.insert("200".into(), ok);
        if e.path.contains('{') || matches!(e.path, "/api/v1/claims" | "/api/v1/entities") {
            responses.insert("404".into(), error_response("no such item"));
        }
        if e.path == "/api/v1/stories/{id}" {
            responses.insert(
                "308".into(),
                json!({ "description": "the story was merged into another: Location is the survivor's address" }),
            );
        }
    }
    responses.insert("400".into(), error_response("bad parameters or body"));
    responses.insert("500".into(), error_response("server failure"));
    let mut op = json!({
        "summary": e.summary,
        "operationId": format!("{}{}", e.method, e.path.replace("/api/v1", "").replace(['/', '{', '}'], "_")),
        "parameters": parameters,
        "responses": responses,
    });
    if e.method == "post" {
        op["security"] = json!([{ "bearer": [] }]);
        op["requestBody"] = json!({
            "required": true,
            "content": {
                "application/json": { "schema": { "oneOf": [
                    { "$ref": "#/components/schemas/ArticleInput" },
                    { "type": "array", "items": { "$ref": "#/components/schemas/ArticleInput" } }
                ]}},
                "text/plain": { "schema": { "type": "string" } }
            }
        });
    }
    op
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for e in ENDPOINTS {
        let entry = paths.entry(e.path).or_insert_with(|| json!({}));
        entry[e.method] = operation(e);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Storyline API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Stories, articles and search as in the CLI's --json output. Lists carry X-Total-Count. Errors are {message, code}."
        },
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } }
        }
    })
}
