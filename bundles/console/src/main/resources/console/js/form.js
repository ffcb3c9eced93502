// A form generated from a metatype schema (the `attributes` of GET .../configurations/{pid} and
// GET /api/v1/drivers/types): types, defaults, options as selects, required marks, descriptions as
// help text, masked passwords, multi-value attributes. Validation is the server's: its field errors
// are shown next to each field.
import {h, uid} from './dom.js';

const INTEGER = ['integer', 'long', 'short', 'byte'];
const DECIMAL = ['double', 'float'];

/**
 * @param attributes metatype attribute definitions
 * @param values current values (null: not configured, defaults are shown)
 * @returns {element, read(), showErrors(map), clearErrors()}
 */
export function metatypeForm(attributes, values) {
  const fields = attributes.map((a) => attributeField(a, values ? values[a.id] : undefined, !values));
  const general = h('div', {class: 'problem', role: 'alert', hidden: true});
  const element = h('div', {class: 'metatype-form'}, general, fields.map((f) => f.element));
  return {
    element,
    read() {
      const out = {};
      for (const f of fields) {
        const value = f.read();
        if (value !== undefined) out[f.attribute.id] = value;
      }
      return out;
    },
    clearErrors() {
      general.hidden = true;
      fields.forEach((f) => f.error(null));
    },
    /** Shows each message next to its field; messages for no field go to the top. Answers true if any. */
    showErrors(errors, detail) {
      this.clearErrors();
      const rest = [];
      for (const [id, message] of Object.entries(errors)) {
        const target = fields.find((f) => f.attribute.id === id);
        if (target) target.error(message);
        else rest.push(`${id}: ${message}`);
      }
      if (rest.length || (detail && !Object.keys(errors).length)) {
        general.textContent = rest.length ? rest.join('; ') : detail;
        general.hidden = false;
      }
      const first = element.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
      return Object.keys(errors).length > 0;
    },
  };
}

function attributeField(attribute, value, useDefault) {
  const id = uid(`attr-${attribute.id}`);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const multi = attribute.cardinality !== 0;
  let current = value;
  if (current === undefined && useDefault && attribute.default_value) {
    current = multi ? attribute.default_value : attribute.default_value[0];
  }
  const control = multi ? multiControl(attribute, id, current) : singleControl(attribute, id, current);
  const error = h('p', {class: 'field-error', id: errorId, hidden: true});
  const describedBy = [attribute.description ? helpId : null, errorId].filter(Boolean).join(' ');
  control.inputs().forEach((input) => input.setAttribute('aria-describedby', describedBy));
  const label = h(multi ? 'span' : 'label', multi ? {id: `${id}-label`, class: 'label'} : {for: id},
    attribute.name || attribute.id,
    attribute.required && !(attribute.type === 'boolean') ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null,
    attribute.required ? h('span', {class: 'sr-only'}, ' (required)') : null);
  const element = h(multi ? 'fieldset' : 'div', {class: 'field', dataset: {attribute: attribute.id}, 'aria-labelledby': multi ? `${id}-label` : null},
    multi ? h('legend', {class: 'sr-only'}, attribute.name || attribute.id) : null,
    label,
    h('span', {class: 'type muted'}, ` ${attribute.type}${multi ? ', several values' : ''} · ${attribute.id}`),
    control.element,
    attribute.description ? h('small', {id: helpId, class: 'help'}, attribute.description) : null,
    error);
  return {
    attribute,
    element,
    read: control.read,
    error(message) {
      error.hidden = !message;
      error.textContent = message || '';
      control.inputs().forEach((input) => input.setAttribute('aria-invalid', message ? 'true' : 'false'));
    },
  };
}

function singleControl(attribute, id, value) {
  let input;
  if (attribute.options && attribute.options.length) {
    input = h('select', {id, name: attribute.id, required: attribute.required},
      attribute.required ? null : h('option', {value: ''}, '(none)'),
      attribute.options.map((o) => h('option', {value: o.value, selected: String(value) === o.value}, o.label || o.value)));
  } else if (attribute.type === 'boolean') {
    input = h('input', {id, name: attribute.id, type: 'checkbox', checked: value === true || value === 'true'});
    return {element: h('div', {class: 'checkbox'}, input), inputs: () => [input], read: () => input.checked};
  } else {
    input = h('input', inputAttributes(attribute, id));
    if (value !== undefined && value !== null) input.value = String(value);
  }
  return {element: input, inputs: () => [input], read: () => convert(attribute, input.value)};
}

function multiControl(attribute, id, values) {
  const list = h('ul', {class: 'values'});
  const inputs = [];
  const add = (value) => {
    const input = attribute.options && attribute.options.length
      ? h('select', {name: attribute.id}, attribute.options.map((o) => h('option', {value: o.value, selected: String(value) === o.value}, o.label || o.value)))
      : h('input', inputAttributes(attribute, null));
    if (value !== undefined && value !== null && input.tagName === 'INPUT') input.value = String(value);
    const index = inputs.length + 1;
    input.setAttribute('aria-label', `${attribute.name || attribute.id}, value ${index}`);
    if (inputs.length === 0) input.id = id;
    inputs.push(input);
    const item = h('li', {}, input, h('button', {type: 'button', class: 'secondary small', onclick: () => {
      inputs.splice(inputs.indexOf(input), 1);
      item.remove();
    }}, 'Remove', h('span', {class: 'sr-only'}, ` value ${index} of ${attribute.name || attribute.id}`)));
    list.append(item);
    return input;
  };
  (Array.isArray(values) ? values : values === undefined || values === null ? [] : [values]).forEach((v) => add(v));
  const addButton = h('button', {type: 'button', class: 'secondary small', onclick: () => add('').focus()},
    'Add value', h('span', {class: 'sr-only'}, ` to ${attribute.name || attribute.id}`));
  return {
    element: h('div', {class: 'multi'}, list, addButton),
    inputs: () => inputs,
    read: () => inputs.map((i) => convert(attribute, i.value)).filter((v) => v !== undefined),
  };
}

function inputAttributes(attribute, id) {
  const attrs = {id, name: attribute.id, required: attribute.required && !attribute.default_value};
  if (attribute.type === 'password') {
    return {...attrs, type: 'password', autocomplete: 'new-password'};
  }
  if (INTEGER.includes(attribute.type)) return {...attrs, type: 'text', inputmode: 'numeric'};
  if (DECIMAL.includes(attribute.type)) return {...attrs, type: 'text', inputmode: 'decimal'};
  return {...attrs, type: 'text', spellcheck: 'false'};
}

/**
 * Text of an input as the JSON value the API expects. A number that does not parse is sent as the
 * text, so that the server names the problem next to the field.
 */
export function convert(attribute, text) {
  if (text === '' || text === undefined) return undefined;
  if (INTEGER.includes(attribute.type) || DECIMAL.includes(attribute.type)) {
    const trimmed = text.trim();
    const number = Number(trimmed);
    return trimmed !== '' && Number.isFinite(number) ? number : text;
  }
  if (attribute.type === 'boolean') return text === 'true';
  return text;
}
