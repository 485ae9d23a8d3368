/** Sections that list things: a menu, products, projects, articles and a schedule. */

import { fillSlots } from "../locale/locales";
import { escapeHtml } from "./html-escape";
import { renderPicture } from "./render-images";
import { contactTarget, fillCopy, formatPrice, wrapSection, type RenderContext } from "./render-context";

export function renderMenu(ctx: RenderContext): string {
  const groups = ctx.content.menu.flatMap((group) => {
    const items = group.items.flatMap((item) => [
      `              <li class="menu-item">`,
      `                <p class="menu-item-head"><span class="menu-item-name">${fillCopy(ctx, item.name)}</span><span class="menu-dots" aria-hidden="true"></span><span class="price" data-price>${formatPrice(ctx, item.price, item)}</span></p>`,
      ...(item.text ? [`                <p class="menu-item-text">${fillCopy(ctx, item.text)}</p>`] : []),
      `              </li>`,
    ]);
    return [
      `          <div class="menu-group">`,
      `            <h3>${fillCopy(ctx, group.title)}</h3>`,
      `            <ul class="menu-list" role="list">`,
      ...items,
      `            </ul>`,
      `          </div>`,
    ];
  });
  return wrapSection(ctx, "menu", [`        <div class="menu-grid">`, ...groups, `        </div>`]);
}

export function renderProducts(ctx: RenderContext): string {
  const cards = ctx.content.products.flatMap((product, i) => [
    `          <li class="card product">`,
    `            ${renderPicture(ctx, "card", i, { seed: `product|${i}`, ratio: "square", alt: fillCopy(ctx, `${product.name}: ${product.text}`) })}`,
    `            <h3>${fillCopy(ctx, product.name)}</h3>`,
    `            <p>${fillCopy(ctx, product.text)}</p>`,
    `            <div class="product-foot">`,
    `              <span class="price" data-price>${formatPrice(ctx, product.price, product)}</span>`,
    // Nothing goes in a bag without a price: such an item is asked about.
    product.price === null
      ? `              <a class="button button-small" href="${contactTarget(ctx.spec.blocks)}">${escapeHtml(ctx.locale.ui.askUs)}</a>`
      : `              <button class="button button-small" type="button" data-add-to-cart="${fillCopy(ctx, product.name)}">${escapeHtml(ctx.locale.ui.addToBag)}</button>`,
    `            </div>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, "products", [
    `        <ul class="product-grid" role="list">`,
    ...cards,
    `        </ul>`,
    `        <p class="cart-status" role="status" aria-live="polite" data-cart-status></p>`,
  ]);
}

export function renderProjects(ctx: RenderContext): string {
  const cards = ctx.content.projects.flatMap((project, i) => [
    `          <li class="card project">`,
    `            ${renderPicture(ctx, "card", i, { seed: `project|${i}`, ratio: "wide", alt: fillCopy(ctx, project.title) })}`,
    `            <h3>${fillCopy(ctx, project.title)}</h3>`,
    `            <p>${fillCopy(ctx, project.text)}</p>`,
    `            <ul class="tag-list" role="list">${project.tags.map((t) => `<li>${fillCopy(ctx, t)}</li>`).join("")}</ul>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, "projects", [`        <ul class="project-grid" role="list">`, ...cards, `        </ul>`]);
}

export function renderPosts(ctx: RenderContext): string {
  const posts = ctx.content.posts.flatMap((post) => [
    `          <article class="card post">`,
    `            <p class="post-meta"><time datetime="${post.iso}">${fillCopy(ctx, post.date)}</time> · ${fillCopy(ctx, post.tag)} · ${escapeHtml(fillSlots(ctx.locale.ui.minRead, { n: post.minutes }))}</p>`,
    `            <h3>${fillCopy(ctx, post.title)}</h3>`,
    `            <p>${fillCopy(ctx, post.excerpt)}</p>`,
    `          </article>`,
  ]);
  return wrapSection(ctx, "posts", [`        <div class="post-grid">`, ...posts, `        </div>`]);
}

export function renderSchedule(ctx: RenderContext): string {
  const items = ctx.content.schedule.flatMap((item) => [
    `          <li class="timeline-item">`,
    `            <p class="timeline-time">${fillCopy(ctx, item.time)}</p>`,
    `            <div class="timeline-body">`,
    `              <h3>${fillCopy(ctx, item.title)}</h3>`,
    `              <p>${fillCopy(ctx, item.text)}</p>`,
    `            </div>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, "schedule", [`        <ol class="timeline" role="list">`, ...items, `        </ol>`]);
}
