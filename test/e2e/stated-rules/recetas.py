"""Rules the Spanish recipes' documents state (field notes, reglas de negocio), checked over the real database."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def recipe_with_comment(client: AsyncClient, name: str) -> tuple[int, int, int]:
    """A user's recipe with an ingredient and a comment: their ids."""
    user = await created(
        client,
        "/usuarios",
        {
            "nombre": name,
            "correo": f"{name}@example.com",
            "fecha_registro": "2024-01-01T10:00:00Z",
        },
    )
    recipe = await created(
        client,
        "/recetas",
        {
            "titulo": "Tortilla de patatas",
            "tiempo_preparacion": 40,
            "dificultad": "media",
            "autor_id": user["id"],
            "publicada": True,
            "creada_en": "2024-01-01T10:00:00Z",
        },
    )
    ingredient = await created(
        client,
        f"/recetas/{recipe['id']}/ingredientes",
        {"receta_id": recipe["id"], "nombre": "huevo", "cantidad": "4.00"},
    )
    comment = await created(
        client,
        f"/recetas/{recipe['id']}/comentarios",
        {
            "receta_id": recipe["id"],
            "usuario_id": user["id"],
            "texto": "¡Rica!",
            "creado_en": "2024-01-02T10:00:00Z",
        },
    )
    return recipe["id"], ingredient["id"], comment["id"]


async def test_an_email_taken_is_a_conflict(db_client: AsyncClient) -> None:
    body = {
        "nombre": "ana",
        "correo": "ana@example.com",
        "fecha_registro": "2024-01-01T10:00:00Z",
    }
    await created(db_client, "/usuarios", body)
    assert (await db_client.post("/usuarios", json={**body, "nombre": "otra"})).status_code == 409


async def test_a_deleted_comment_leaves_the_recipe_list(db_client: AsyncClient) -> None:
    recipe, _, comment = await recipe_with_comment(db_client, "bea")
    assert (await db_client.delete(f"/comentarios/{comment}")).status_code == 204
    listed = (await db_client.get(f"/recetas/{recipe}/comentarios")).json()
    assert comment not in [row["id"] for row in listed]


async def test_deleting_a_recipe_deletes_its_ingredients_and_comments(
    db_client: AsyncClient,
) -> None:
    recipe, ingredient, comment = await recipe_with_comment(db_client, "carmen")
    assert (await db_client.delete(f"/recetas/{recipe}")).status_code == 204
    listed = (await db_client.get(f"/recetas/{recipe}/ingredientes")).json()
    assert ingredient not in [row["id"] for row in listed]
    assert (await db_client.delete(f"/comentarios/{comment}")).status_code == 404
