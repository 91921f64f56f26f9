/** The tenancy HTTP API: who am I ({@code /api/v1/me}) and the admin API for principals and keys. */
package org.certhub.tenancy.web;
