/**
 * The community: CERTs, partners and admins, their API keys and roles, and the one sharing policy
 * that decides who may see what. Other modules use only this root package.
 */
package org.certhub.tenancy;
