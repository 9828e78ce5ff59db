// Two real identity providers for Roster's single sign-on tests, on loopback only:
//  - an OpenID provider: oidc-provider (a certified OP) with open dynamic client registration
//    (RFC 7591) at /reg, a login page that asks for the email and names to assert, and consent
//    granted on the person's behalf;
//  - SAML 2.0 identity providers made with samlify: each with its own signing key (given by the
//    test), HTTP-Redirect AuthnRequests in, HTTP-POST responses out, and IdP-initiated responses.
// It prints one JSON line with both base URLs, then serves until its standard input closes (the
// test process ended) or it is signalled. Nothing here is for production.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import Provider from 'oidc-provider';
import * as samlify from 'samlify';

const host = '127.0.0.1';

// The IdP side does not check Roster's AuthnRequests against the SAML schema: Roster is what is
// under test, and its validation of the IdP's responses is what the tests look at.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

function listen(server) {
  return new Promise((resolve) => server.listen(0, host, () => resolve(server.address().port)));
}

function readBody(req, limit = 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readForm(req) {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

async function readJson(req) {
  const text = await readBody(req);
  return text.length === 0 ? {} : JSON.parse(text);
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

const html = (res, body) => send(res, 200, 'text/html; charset=utf-8', `<!doctype html><html><head><meta charset="utf-8"><title>Test IdP</title></head><body>${body}</body></html>`);
const json = (res, status, value) => send(res, status, 'application/json', JSON.stringify(value));

function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function loginForm(action, hidden, title) {
  const fields = Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  return `<h1>${escape(title)}</h1><form method="post" action="${escape(action)}">${fields}` +
    '<label for="email">Email</label><input id="email" name="email" type="text">' +
    '<label for="givenName">First name</label><input id="givenName" name="givenName" type="text" value="Sam">' +
    '<label for="familyName">Last name</label><input id="familyName" name="familyName" type="text" value="Single">' +
    '<label for="unverified"><input id="unverified" name="unverified" type="checkbox" value="true">Email not verified</label>' +
    '<button type="submit">Sign in to the IdP</button></form>';
}

// ---------------------------------------------------------------- OpenID Connect
const accounts = new Map();
const oidcServer = http.createServer();
const oidcPort = await listen(oidcServer);
const issuer = `http://${host}:${oidcPort}`;
const provider = new Provider(issuer, {
  clients: [],
  features: {
    registration: { enabled: true },
    devInteractions: { enabled: false },
  },
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  cookies: { keys: [randomUUID()] },
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => accounts.get(id) ?? { sub: id },
  }),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});
provider.on('server_error', (ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
const oidcCallback = provider.callback();

oidcServer.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (!match) {
      oidcCallback(req, res);
      return;
    }

    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const email = form.email;
      accounts.set(email, {
        sub: email,
        email,
        email_verified: form.unverified !== 'true',
        given_name: form.givenName,
        family_name: form.familyName,
        name: `${form.givenName} ${form.familyName}`,
      });
      await provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
      return;
    }

    if (details.prompt.name === 'login') {
      html(res, loginForm(`/interaction/${details.uid}/login`, {}, 'OpenID provider'));
      return;
    }

    // Consent: the test person always agrees to what Roster asks for.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    process.stderr.write(`interaction: ${error.stack}\n`);
    send(res, 500, 'text/plain', String(error));
  }
});

// ---------------------------------------------------------------- SAML 2.0
const samlServer = http.createServer();
const samlPort = await listen(samlServer);
const samlBase = `http://${host}:${samlPort}`;
const idps = new Map();

const certificateBody = (pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

function idpMetadata(entityId, ssoUrl, certificates, wantAuthnRequestsSigned) {
  // Written by hand so that it can list several signing certificates (a key rollover).
  const keys = certificates.map((pem) =>
    `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certificateBody(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escape(entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="${wantAuthnRequestsSigned}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}` +
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>' +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escape(ssoUrl)}"/>` +
    '</md:IDPSSODescriptor></md:EntityDescriptor>';
}

function createIdp(options) {
  const id = randomUUID();
  const entityId = options.entityId ?? `${samlBase}/saml/${id}`;
  const ssoUrl = `${samlBase}/saml/${id}/sso`;
  const published = [options.certificate, ...(options.additionalCertificates ?? [])];
  const metadata = idpMetadata(entityId, ssoUrl, published, options.wantAuthnRequestsSigned === true);
  const idp = samlify.IdentityProvider({
    metadata: idpMetadata(entityId, ssoUrl, [options.certificate], options.wantAuthnRequestsSigned === true),
    privateKey: options.privateKey,
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  });
  idps.set(id, { id, entityId, idp, metadata, sps: new Map() });
  return { id, entityId, metadataUrl: `${samlBase}/saml/${id}/metadata`, ssoUrl };
}

async function addSp(entry, options) {
  let metadata = options.metadata;
  if (!metadata) {
    const response = await fetch(options.metadataUrl);
    if (!response.ok) {
      throw new Error(`the SP's metadata answered ${response.status}`);
    }
    metadata = await response.text();
  }
  if (options.entityIdOverride) {
    metadata = metadata.replace(/entityID="[^"]*"/, `entityID="${escape(options.entityIdOverride)}"`);
  }
  if (options.wantAssertionsSigned === false) {
    metadata = metadata.replace(/WantAssertionsSigned="true"/, 'WantAssertionsSigned="false"');
  }
  const sp = samlify.ServiceProvider({ metadata, wantMessageSigned: options.wantMessageSigned === true });
  const entityId = sp.entityMeta.getEntityID();
  entry.sps.set(entityId, sp);
  return { entityId, acs: sp.entityMeta.getAssertionConsumerService('post') };
}

function attribute(name, tag) {
  return { name, valueTag: tag, nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', valueXsiType: 'xs:string' };
}

// overrides (IdP-initiated tests only): shift moves every time by that many seconds; destination,
// audience and inResponseTo replace what a correct IdP would put there. All of it is signed.
async function loginResponse(entry, sp, requestId, user, overrides = {}) {
  const template = samlify.default.SamlLib.defaultLoginResponseTemplate;
  const attributes = [attribute('email', 'email'), attribute('firstName', 'firstName'), attribute('lastName', 'lastName')];
  const statement = samlify.default.SamlLib.attributeStatementBuilder(attributes);
  const { context } = await entry.idp.createLoginResponse(sp, requestId ? { extract: { request: { id: requestId } } } : {}, 'post', user, (xml) => {
    const now = new Date(Date.now() + (overrides.shift ?? 0) * 1000);
    const later = new Date(now.getTime() + 5 * 60 * 1000);
    const acs = overrides.destination ?? sp.entityMeta.getAssertionConsumerService('post');
    const values = {
      ID: `_${randomUUID()}`,
      AssertionID: `_${randomUUID()}`,
      Destination: acs,
      Audience: overrides.audience ?? sp.entityMeta.getEntityID(),
      SubjectRecipient: acs,
      Issuer: entry.entityId,
      IssueInstant: now.toISOString(),
      StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
      ConditionsNotBefore: now.toISOString(),
      ConditionsNotOnOrAfter: later.toISOString(),
      SubjectConfirmationDataNotOnOrAfter: later.toISOString(),
      NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      NameID: user.email,
      InResponseTo: overrides.inResponseTo ?? requestId ?? '',
      AuthnStatement: `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
      AttributeStatement: statement,
      attrEmail: user.email,
      attrFirstName: user.firstName,
      attrLastName: user.lastName,
    };
    let filled = template.context.replace('{AuthnStatement}', values.AuthnStatement).replace('{AttributeStatement}', values.AttributeStatement);
    for (const [key, value] of Object.entries(values)) {
      if (key !== 'AuthnStatement' && key !== 'AttributeStatement') {
        filled = filled.split(`{${key}}`).join(escape(value));
      }
    }
    return { id: values.ID, context: filled };
  });
  return context;
}

function postForm(res, acs, samlResponse, relayState) {
  const relay = relayState ? `<input type="hidden" name="RelayState" value="${escape(relayState)}">` : '';
  html(res, `<form method="post" action="${escape(acs)}" id="saml"><input type="hidden" name="SAMLResponse" value="${escape(samlResponse)}">${relay}` +
    '<button type="submit">Continue</button></form><script>document.getElementById("saml").submit();</script>');
}

function requestIssuer(samlRequest) {
  const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
  const issuerMatch = /<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(xml);
  return issuerMatch ? issuerMatch[1].trim() : '';
}

samlServer.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, samlBase);
    const parts = url.pathname.split('/').filter((p) => p.length > 0);
    if (req.method === 'POST' && url.pathname === '/control/saml/idps') {
      json(res, 201, createIdp(await readJson(req)));
      return;
    }

    // /control/saml/{id}/sps and /saml/{id}/{action}
    const entry = idps.get(parts[0] === 'control' ? parts[2] : parts[1]);
    if (req.method === 'POST' && parts[0] === 'control' && parts[3] === 'sps' && entry) {
      json(res, 201, await addSp(entry, await readJson(req)));
      return;
    }

    if (parts[0] !== 'saml' || !entry) {
      send(res, 404, 'text/plain', 'not found');
      return;
    }

    const action = parts[2];
    if (req.method === 'GET' && action === 'metadata') {
      send(res, 200, 'application/samlmetadata+xml', entry.metadata);
      return;
    }

    if (req.method === 'GET' && action === 'sso') {
      const samlRequest = url.searchParams.get('SAMLRequest');
      const sp = entry.sps.get(requestIssuer(samlRequest));
      if (!sp) {
        send(res, 400, 'text/plain', 'unknown service provider');
        return;
      }
      const rawQuery = req.url.slice(req.url.indexOf('?') + 1);
      const octetString = rawQuery.split('&').filter((p) => /^(SAMLRequest|RelayState|SigAlg)=/.test(p)).join('&');
      const parsed = await entry.idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams), octetString });
      html(res, loginForm(`/saml/${entry.id}/login`, { requestId: parsed.extract.request.id, sp: sp.entityMeta.getEntityID(), relayState: url.searchParams.get('RelayState') ?? '' }, 'SAML identity provider'));
      return;
    }

    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const sp = entry.sps.get(form.sp);
      const response = await loginResponse(entry, sp, form.requestId, { email: form.email, firstName: form.givenName, lastName: form.familyName });
      postForm(res, sp.entityMeta.getAssertionConsumerService('post'), response, form.relayState);
      return;
    }

    if (req.method === 'GET' && action === 'initiate') {
      const sp = entry.sps.get(url.searchParams.get('sp'));
      const overrides = {
        shift: Number(url.searchParams.get('shift') ?? 0),
        destination: url.searchParams.get('destination') ?? undefined,
        audience: url.searchParams.get('audience') ?? undefined,
        inResponseTo: url.searchParams.get('inResponseTo') ?? undefined,
      };
      const response = await loginResponse(entry, sp, null, { email: url.searchParams.get('email'), firstName: 'Ida', lastName: 'Initiated' }, overrides);
      postForm(res, sp.entityMeta.getAssertionConsumerService('post'), response, url.searchParams.get('RelayState'));
      return;
    }

    send(res, 404, 'text/plain', 'not found');
  } catch (error) {
    process.stderr.write(`saml: ${error.stack}\n`);
    send(res, 500, 'text/plain', String(error));
  }
});

process.stdout.write(`${JSON.stringify({ oidc: issuer, saml: samlBase })}\n`);

const stop = () => {
  oidcServer.close();
  samlServer.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
